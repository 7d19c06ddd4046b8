using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParoleOnco.DeliveryBenchmark.Connector;
using ParoleOnco.DeliveryBenchmark.Hosting;
using ParoleOnco.Features.Delivery;
using ParoleOnco.Features.Reminders;
using ParoleOnco.Infrastructure;
using ReminderKind = ParoleOnco.Features.Reminders.ReminderKind;

namespace ParoleOnco.DeliveryBenchmark.Scenario;

/// <summary>Watches a run once a second until every AP got their prompt or the timeout passed; prints every 10 s.</summary>
public static class Sampler
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private const int PrintEvery = 10;

    public static async Task<IReadOnlyList<Sample>> WatchAsync(
        BotHost bot, LimitedConnector connector, long start, int expected, TimeSpan timeout, TextWriter progress)
    {
        var samples = new List<Sample>();
        using var process = Process.GetCurrentProcess();
        var (lastCpu, lastAt) = (process.TotalProcessorTime, Stopwatch.GetTimestamp());
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync())
        {
            var at = Stopwatch.GetElapsedTime(start);
            var delivered = connector.Accepted.Where(r => r.ReferralId is not null).Select(r => r.ReferralId).Distinct().Count();
            var (fired, pending) = await CountAsync(bot);
            process.Refresh();
            var now = Stopwatch.GetTimestamp();
            var cpu = (process.TotalProcessorTime - lastCpu) / Stopwatch.GetElapsedTime(lastAt, now) / Environment.ProcessorCount;
            (lastCpu, lastAt) = (process.TotalProcessorTime, now);
            var sample = new Sample(at, fired, pending, delivered, connector.Throttled, cpu, ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount);
            samples.Add(sample);
            if (samples.Count % PrintEvery == 0)
            {
                progress.WriteLine(
                    $"    {at.TotalSeconds,5:F0} s  fired {fired,5:N0}  outbox pending {pending,5:N0}  prompts delivered {delivered,5:N0}  429s {sample.Throttled,4:N0}  CPU {cpu,4:P0}");
            }

            if (delivered >= expected || at >= timeout)
            {
                return samples;
            }
        }

        return samples;
    }

    private static async Task<(int Fired, int Pending)> CountAsync(BotHost bot)
    {
        await using var scope = bot.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ParoleOncoDbContext>();
        var fired = await db.Reminders.CountAsync(r => r.Kind == ReminderKind.PlannedContact && r.Status == ReminderStatus.Done);
        var pending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending);
        return (fired, pending);
    }
}
