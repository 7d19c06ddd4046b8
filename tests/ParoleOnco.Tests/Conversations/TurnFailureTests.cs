using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ParoleOnco.Cards;
using ParoleOnco.Tests.Conversations.Harness;

namespace ParoleOnco.Tests.Conversations;

/// <summary>What people see when a turn fails on our side.</summary>
public abstract class TurnFailureTests(Func<Task<TestDatabase>> database)
{
    [SkippableTheory]
    [InlineData("fr-CA")]
    [InlineData("en-US")]
    public async Task A_card_action_that_fails_on_our_side_leaves_the_card_as_it_was_and_says_to_try_again(string locale)
    {
        await using var world = await World.StartAsync(database, locale);
        await world.BindE1ChannelAsync();
        var form = await world.ReferralFormAsync(world.Clinician);
        await world.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"AuditEntries\""));

        var response = await world.Teams.SendInvokeAsync(world.Clinician, CardVerbs.ReferralSubmit, form, World.Personal, "referral-form");

        // A message, not a card: Teams shows it and keeps the clicked form, with what was typed, to send again.
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.Equal((200, "application/vnd.microsoft.activity.message"), (body["statusCode"]!.GetValue<int>(), body["type"]!.GetValue<string>()));
        Assert.Equal(NoticeCards.ErrorMessage(CultureInfo.GetCultureInfo(locale)), body["value"]!.GetValue<string>());
        Assert.Equal(0, await world.QueryAsync(db => db.Referrals.CountAsync()));
    }
}

public sealed class TurnFailureOnSqlite() : TurnFailureTests(Databases.Sqlite);

public sealed class TurnFailureOnPostgres() : TurnFailureTests(Databases.Postgres);
