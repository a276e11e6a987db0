using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using SlaWatch.TestSupport;

namespace SlaWatch.Functions.Tests;

/// <summary>
/// What the Functions host's queue listener does, done here because the host cannot run on this machine: take the
/// visible messages of a real Azurite queue, invoke the function, delete each that succeeded; make one that failed
/// visible again (the visibility timeout, shortened to nothing), and after host.json's <c>maxDequeueCount</c> move it
/// to <c>{queue}-poison</c>.
/// </summary>
internal sealed class QueueListener(FunctionApp app)
{
    public static int MaxDequeueCount { get; } =
        (int)
            JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "host.json")))!["extensions"]!["queues"]![
                "maxDequeueCount"
            ]!;

    public int Invocations { get; private set; }

    /// <summary>The inbound processor on every message the HTTP functions queued, as the host's trigger would
    /// run it.</summary>
    public static Task<int> ProcessInboundAsync(FunctionApp app) =>
        new QueueListener(app).DrainAsync(Settings.TriggerNames.InboundQueue, message =>
            app.Function<Triggers.InboundProcessor>().RunAsync(message, default)
        );

    public int Failures { get; private set; }

    /// <summary>Delivers until the queue is empty (or <paramref name="maxRounds"/> passes); returns how many moved to
    /// poison.</summary>
    public async Task<int> DrainAsync(string queueName, Func<QueueMessage, Task> function, int maxRounds = 20)
    {
        var queue = await app.QueueAsync(queueName);
        var poison = await app.QueueAsync(queueName + "-poison");
        var poisoned = 0;
        for (var round = 0; round < maxRounds; round++)
        {
            var messages = await FunctionApp.ReceiveAsync(queue);
            if (messages.Length == 0)
            {
                break;
            }

            foreach (var message in messages)
            {
                Invocations++;
                try
                {
                    await function(message);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                catch (Exception) when (message.DequeueCount >= MaxDequeueCount)
                {
                    Failures++;
                    await poison.SendMessageAsync(message.Body);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    poisoned++;
                }
                catch (Exception)
                {
                    Failures++;
                    await queue.UpdateMessageAsync(
                        message.MessageId,
                        message.PopReceipt,
                        visibilityTimeout: TimeSpan.Zero
                    );
                }
            }
        }

        return poisoned;
    }
}
