using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ParoleOnco.Features.Assignments;
using ParoleOnco.Features.Audit;
using ParoleOnco.Features.Community;
using ParoleOnco.Features.Conversations;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Establishments;
using ParoleOnco.Features.Help;
using ParoleOnco.Features.Impact;
using ParoleOnco.Features.Logbook;
using ParoleOnco.Features.Matching;
using ParoleOnco.Features.Nudges;
using ParoleOnco.Features.Onboarding;
using ParoleOnco.Features.People;
using ParoleOnco.Features.Referrals;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Features.Reporting;
using ParoleOnco.Features.Retention;
using ParoleOnco.Features.Thanking;
using ParoleOnco.Infrastructure;
using ParoleOnco.Infrastructure.Telemetry;
using ParoleOnco.Teams;

namespace ParoleOnco;

public static class ParoleOncoServices
{
    public static IServiceCollection AddParoleOnco(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<EstablishmentOptions>()
            .BindConfiguration(EstablishmentOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => o.Establishments.All(e => e.Programs.Count > 0 && e.Programs.All(ProgramCancerTypes.IsKnown)),
                $"Every establishment runs at least one program of: {string.Join(", ", ProgramCancerTypes.Known)}.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EstablishmentOptions>, PatientCodePatterns>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddParoleOncoDatabase(configuration, environment);
        services.AddPatientDataKeys(configuration, environment);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<ParkedWorkHealthCheck>("parked work");

        services.AddSingleton<EstablishmentCatalog>();
        services.AddScoped<PatientDataProtector>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AccessLog>();
        services.AddSingleton<AuditExportLinks>();
        services.AddHttpContextAccessor();
        services.AddScoped<Roles>();
        services.AddScoped<Locales>();
        services.AddScoped<Candidates>();
        services.AddScoped<ReferralPresenter>();
        services.AddScoped<CoordinatorDecision>();
        services.AddScoped<CoordinatorRead>();
        services.AddScoped<ReferralAccess>();
        services.AddScoped<AssignmentAnswer>();
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.Section)
            .Validate(o => o.OfferExpiresAfter > TimeSpan.Zero, "Matching:OfferExpiresAfter must be positive.")
            .ValidateOnStart();
        services.AddScoped<OfferExpiry>();
        services.AddKeyedScoped<IScheduledWork>(ReminderKind.OfferExpiry, (sp, _) => sp.GetRequiredService<OfferExpiry>());
        services.AddScoped<ApPresenter>();
        services.AddScoped<ApDecision>();
        services.AddScoped<Pausing>();
        services.AddScoped<UnreachableAp>();
        services.AddScoped<Invitations>();
        services.AddScoped<TeamRemoval>();
        services.AddScoped<Thanking>();
        services.AddScoped<PatientDataCheck>();

        services.AddCommand<HelpCommand>()
            .AddCommand<SetupCommand>()
            .AddCommand<JoinCommand>()
            .AddCommand<PauseCommand>()
            .AddCommand<ReferCommand>()
            .AddCommand<ReferralsCommand>()
            .AddCommand<QueueCommand>()
            .AddCommand<PatientsCommand>()
            .AddCommand<LogbookCommand>()
            .AddCommand<FileCommand>()
            .AddCommand<ParkedCommand>()
            .AddCommand<AuditCommand>()
            .AddCommand<EraseCommand>()
            .AddCommand<NudgesCommand>()
            .AddCommand<InviteCommand>()
            .AddCommand<StatsCommand>()
            .AddCommand<TipCommand>()
            .AddCommand<ImpactCommand>();
        services.AddVerb<BindCoordinatorChannel>()
            .AddVerb<RegisterAp>()
            .AddVerb<ApproveAp>()
            .AddVerb<RejectAp>()
            .AddVerb<PauseAp>()
            .AddVerb<ResumeAp>()
            .AddVerb<SubmitReferral>()
            .AddVerb<ApproveReferral>()
            .AddVerb<DeclineReferral>()
            .AddVerb<RefreshReferral>()
            .AddVerb<ShowReferralPhone>()
            .AddVerb<AcceptAssignment>()
            .AddVerb<DeclineAssignment>()
            .AddVerb<OpenLogbookForm>()
            .AddVerb<SubmitLogbookEntry>()
            .AddVerb<AcknowledgeEscalation>()
            .AddVerb<CloseAccompaniment>()
            .AddVerb<ExportAuditLog>()
            .AddVerb<ConfirmErasure>()
            .AddVerb<OpenReferralForm>()
            .AddVerb<OptOutOfNudges>()
            .AddVerb<ThankFromReferral>()
            .AddVerb<ThankFromProfile>()
            .AddVerb<ShowStats>()
            .AddVerb<BindCommunityChannel>()
            .AddVerb<SubmitTip>()
            .AddVerb<HideTip>();
        services.AddSingleton(services => RouteTable.Read(services.GetRequiredService<IServiceScopeFactory>()));
        services.AddScoped<TurnRouter>();
        services.AddScoped<Turns>();
        services.AddDelivery();
        services.AddLogbook();
        services.AddRetention();
        services.AddNudges();
        services.AddImpact();
        services.AddParoleOncoTelemetry(configuration);
        services.AddHostedService<RouteTableCheck>();

        return services.AddTeamsEdge(configuration);
    }

    private static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .Validate(o => o.RequestsPerSecond > 0 && o.Parallelism > 0 && o.MaxAttempts > 0 && o.MaxFailures > 0, "Delivery limits must be positive.")
            .Validate(o => o.ClaimFor >= TimeSpan.FromSeconds(1), "Delivery:ClaimFor must be a second or more (it is renewed three times a period).")
            .ValidateOnStart();
        services.AddSingleton(DeliveryInstance.Create());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DeliveryLimits>();
        services.AddSingleton<DeliveryPipeline>();
        services.AddScoped<ConversationLookup>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxClaims>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<ParkedWork>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }

    private static IServiceCollection AddLogbook(this IServiceCollection services)
    {
        services.AddOptions<LogbookOptions>().BindConfiguration(LogbookOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Logbook:TimeZone is not a known time zone.")
            .Validate(o => o.PlannedContactPromptHour is >= 0 and < 24, "Logbook:PlannedContactPromptHour is an hour of the day.")
            .ValidateOnStart();
        services.AddSingleton<ProgramCalendar>();
        services.AddScoped<Accompaniments>();
        services.AddScoped(sp => new FigureQuery(
            sp.GetRequiredService<ParoleOncoDbContext>(),
            TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<LogbookOptions>>().Value.TimeZone),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<LogbookOptions>>().Value.FirstContactWithin));
        services.AddScoped<StatsAudience>();
        services.AddScoped<StatsBoard>();
        services.AddScoped<StatsEndpoints.Download>();
        services.AddSingleton<StatsLinks>();
        services.AddScoped<LogbookPresenter>();
        services.AddScoped<FirstContact>();
        services.AddScoped<LogbookReminders>();
        foreach (var kind in LogbookReminders.Kinds)
        {
            services.AddKeyedScoped<IScheduledWork>(kind, (sp, _) => sp.GetRequiredService<LogbookReminders>());
        }

        services.AddScoped<ReminderSchedule>();
        services.AddScoped<ReminderFiring>();
        services.AddHostedService<PeriodicWorkPlanner>(); // hosted services start in order: the migrator, registered earlier, has run
        services.AddHostedService<ReminderWorker>();
        return services;
    }

    private static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.ContactDataAfterClosing > TimeSpan.Zero && o.RecordsAfterClosing > TimeSpan.Zero && o.Audit > TimeSpan.Zero && o.DeliveredMessages > TimeSpan.Zero,
                "Retention periods must be positive.")
            .Validate(o => o.RunAtHour is >= 0 and < 24, "Retention:RunAtHour is an hour of the day.")
            .ValidateOnStart();
        services.AddScoped<RetentionPurge>();
        services.AddKeyedScoped<IScheduledWork>(ReminderKind.RetentionPurge, (sp, _) => sp.GetRequiredService<RetentionPurge>());
        services.AddScoped<IPeriodicWork>(sp => sp.GetRequiredService<RetentionPurge>());
        services.AddScoped<PatientErasure>();
        return services;
    }

    private static IServiceCollection AddNudges(this IServiceCollection services)
    {
        services.AddOptions<NudgesOptions>().BindConfiguration(NudgesOptions.Section)
            .Validate(o => CronSchedule.IsValid(o.Cron), "Nudges:Cron is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week: 0 0 9 1 * ?).")
            .ValidateOnStart();
        services.AddScoped<NudgeChoice>();
        services.AddScoped<NudgeDigest>();
        services.AddKeyedScoped<IScheduledWork>(ReminderKind.NudgeDigest, (sp, _) => sp.GetRequiredService<NudgeDigest>());
        services.AddScoped<IPeriodicWork>(sp => sp.GetRequiredService<NudgeDigest>());
        return services;
    }

    private static IServiceCollection AddImpact(this IServiceCollection services)
    {
        services.AddOptions<ImpactOptions>().BindConfiguration(ImpactOptions.Section)
            .Validate(o => CronSchedule.IsValid(o.Cron), "Impact:Cron is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week: 0 0 10 1 * ?).")
            .ValidateOnStart();
        services.AddScoped<ApImpact>();
        services.AddScoped<MonthlyImpact>();
        services.AddKeyedScoped<IScheduledWork>(ReminderKind.MonthlyImpact, (sp, _) => sp.GetRequiredService<MonthlyImpact>());
        services.AddScoped<IPeriodicWork>(sp => sp.GetRequiredService<MonthlyImpact>());
        return services;
    }

    // Each handler as itself, for the turn that needs it, and as its interface, for the route table at startup.
    private static IServiceCollection AddVerb<T>(this IServiceCollection services) where T : class, IVerbHandler =>
        services.AddScoped<IVerbHandler>(sp => sp.GetRequiredService<T>()).AddScopedOnce<T>();

    private static IServiceCollection AddCommand<T>(this IServiceCollection services) where T : class, ICommandHandler =>
        services.AddScoped<ICommandHandler>(sp => sp.GetRequiredService<T>()).AddScopedOnce<T>();

    private static IServiceCollection AddScopedOnce<T>(this IServiceCollection services) where T : class
    {
        services.TryAddScoped<T>();
        return services;
    }
}
