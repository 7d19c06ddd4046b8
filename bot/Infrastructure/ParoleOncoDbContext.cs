using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Community;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.Nudges;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Thanking;

namespace ParoleOnco.Infrastructure;

/// <summary>
/// The one database of the bot. Provider-specific subclasses exist only to keep a migrations set per provider.
/// </summary>
public abstract partial class ParoleOncoDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<AccompanyingPatient> AccompanyingPatients => Set<AccompanyingPatient>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<CoordinatorChannel> CoordinatorChannels => Set<CoordinatorChannel>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredConversation> Conversations => Set<StoredConversation>();
    public DbSet<PostedCard> PostedCards => Set<PostedCard>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<LogbookEntry> LogbookEntries => Set<LogbookEntry>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<NudgeOptOut> NudgeOptOuts => Set<NudgeOptOut>();
    public DbSet<Thanks> Thanks => Set<Thanks>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<CommunityChannel> CommunityChannels => Set<CommunityChannel>();
    public DbSet<Tip> Tips => Set<Tip>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Referral>(referral =>
        {
            referral.HasKey(r => r.Id);
            referral.HasIndex(r => r.FormId).IsUnique();
            referral.HasIndex(r => r.ReferrerAadObjectId);
            referral.HasIndex(r => r.ApId); // an AP's accompaniments: their impact
            referral.HasIndex(r => new { r.EstablishmentId, r.Status });
            // The figures read referrals by period: each index holds what its count or duration reads, so the scans
            // never load the rows' encrypted columns.
            referral.HasIndex(r => new { r.SubmittedAt, r.EstablishmentId }).HasDatabaseName("IX_Referrals_Figures_Submitted");
            referral.HasIndex(r => new { r.DecidedAt, r.EstablishmentId, r.SubmittedAt, r.Status, r.DeclineReason }).HasDatabaseName("IX_Referrals_Figures_Decided");
            referral.HasIndex(r => new { r.AcceptedAt, r.EstablishmentId, r.SubmittedAt, r.Id }).HasDatabaseName("IX_Referrals_Figures_Accepted");
            referral.HasIndex(r => new { r.ClosedAt, r.EstablishmentId, r.Status, r.Outcome, r.Satisfaction }).HasDatabaseName("IX_Referrals_Figures_Closed");
            referral.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            referral.Property(r => r.Needs).HasConversion(CodeList.Converter, CodeList.Comparer);
            referral.Property(r => r.Version).IsConcurrencyToken();
            referral.Ignore(r => r.Profile);
        });

        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.HasKey(i => i.Id);
            invitation.HasIndex(i => i.AadObjectId);
            invitation.Property(i => i.EstablishmentId).HasMaxLength(16);
            invitation.Property(i => i.Email).HasMaxLength(254);
        });

        modelBuilder.Entity<AccompanyingPatient>(ap =>
        {
            ap.HasKey(a => a.Id);
            ap.HasIndex(a => a.AadObjectId).IsUnique();
            ap.HasIndex(a => a.EstablishmentId);
            ap.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            ap.Property(a => a.PauseReason).HasConversion<string>().HasMaxLength(16);
            ap.Property(a => a.Languages).HasConversion(CodeList.Converter, CodeList.Comparer);
            ap.Property(a => a.CancerTypes).HasConversion(CodeList.Converter, CodeList.Comparer);
            ap.Property(a => a.Modalities).HasConversion(CodeList.Converter, CodeList.Comparer);
            ap.Property(a => a.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Assignment>(assignment =>
        {
            assignment.HasKey(a => a.Id);
            assignment.HasIndex(a => new { a.ReferralId, a.ApId }).IsUnique();
            assignment.HasIndex(a => new { a.ApId, a.Status }); // counts an AP's patients from the index alone, for matching
            assignment.HasIndex(a => new { a.OfferedAt, a.EstablishmentId }).HasDatabaseName("IX_Assignments_Figures_Offered");
            assignment.HasIndex(a => new { a.AnsweredAt, a.EstablishmentId, a.Status }).HasDatabaseName("IX_Assignments_Figures_Answered");
            assignment.Property(a => a.EstablishmentId).HasMaxLength(16);
            assignment.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<CoordinatorChannel>().HasKey(c => c.EstablishmentId);
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.HasIndex(a => a.Subject);
            entry.HasIndex(a => a.At); // exports and retention read by period
            entry.Property(a => a.Place).HasMaxLength(16).HasDefaultValue(AuditPlaces.Background);
            entry.Property(a => a.Outcome).HasMaxLength(16).HasDefaultValue(AuditOutcomes.Done);
            entry.Property(a => a.Reason).HasMaxLength(32);
        });
        modelBuilder.Entity<StoredConversation>(conversation =>
        {
            conversation.HasKey(c => c.ConversationId);
            conversation.HasIndex(c => c.UserAadObjectId);
            conversation.HasIndex(c => c.ChannelId);
        });
        modelBuilder.Entity<PostedCard>().HasKey(p => p.Key);
        modelBuilder.Entity<NudgeOptOut>().HasKey(o => o.AadObjectId);
        modelBuilder.Entity<LogbookEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.HasIndex(e => e.FormId).IsUnique();
            entry.HasIndex(e => new { e.ReferralId, e.ContactDate }); // an accompaniment's entries, and its first contact
            entry.HasIndex(e => new { e.ApId, e.ContactDate }); // an AP's contacts: their impact
            // The contact figures, read from the index alone, in the order they are grouped: SQLite then needs no sort.
            entry.HasIndex(e => new { e.EstablishmentId, e.Modality, e.SupportTypes, e.ContactDate, e.DurationMinutes, e.ParkingExpense, e.Kilometres })
                .HasDatabaseName("IX_LogbookEntries_Figures_Contacts");
            entry.Property(e => e.EstablishmentId).HasMaxLength(16);
            entry.Property(e => e.SupportTypes).HasConversion(CodeList.Converter, CodeList.Comparer);
            entry.Property(e => e.ParkingExpense).HasPrecision(8, 2);
            entry.Property(e => e.Kilometres).HasPrecision(8, 2);
        });
        modelBuilder.Entity<Escalation>(escalation =>
        {
            escalation.HasKey(e => e.Id);
            escalation.HasIndex(e => e.ReferralId);
            escalation.HasIndex(e => e.ApId);
            escalation.Property(e => e.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Reminder>(reminder =>
        {
            reminder.HasKey(r => r.Id);
            reminder.HasIndex(r => new { r.Status, r.DueAt });
            reminder.HasIndex(r => r.PeriodicKey).IsUnique().HasFilter("\"PeriodicKey\" IS NOT NULL AND \"Status\" = 'Pending'");
            reminder.Property(r => r.PeriodicKey).HasMaxLength(32);
            reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            reminder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            reminder.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.HasKey(m => m.Id);
            message.HasIndex(m => new { m.Status, m.NextAttemptAt });
            message.HasIndex(m => m.Key);
            message.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.RecipientKind).HasConversion(kind => kind.ToString().ToLowerInvariant(), text => Enum.Parse<RecipientKind>(text, true));
            message.Property(m => m.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Thanks>(thanks =>
        {
            thanks.HasKey(t => t.Id);
            thanks.HasIndex(t => new { t.FormId, t.FromAadObjectId }).IsUnique(); // a double click sends one
            thanks.HasIndex(t => t.ReferralId);
            thanks.HasIndex(t => t.ApId);
            thanks.Property(t => t.FormId).HasMaxLength(Features.Thanking.Thanks.MaxFormIdLength);
        });
        modelBuilder.Entity<CommunityChannel>(channel => channel.HasKey(c => c.Id));
        modelBuilder.Entity<Tip>(tip =>
        {
            tip.HasKey(t => t.Id);
            tip.HasIndex(t => t.FormId).IsUnique(); // one form, one tip, whichever instance the click reaches
            tip.HasIndex(t => t.PostedAt);
            tip.Property(t => t.FormId).HasMaxLength(Tip.MaxFormIdLength);
            tip.Property(t => t.EstablishmentId).HasMaxLength(16);
            tip.Property(t => t.Text).HasMaxLength(ParoleOnco.Cards.CommunityCards.MaxTipLength);
            tip.Ignore(t => t.IsHidden);
        });
    }
}
