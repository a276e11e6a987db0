using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using SlaWatch.Channels.Spreadsheets;
using SlaWatch.Core.Classification;
using SlaWatch.Core.Policies;
using SlaWatch.Core.Reporting;
using SlaWatch.Core.Tickets;
using SlaWatch.Storage.Memory;
using SlaWatch.TestSupport;

namespace SlaWatch.Channels.Tests;

/// <summary>
/// The brief's two templates as teams fill them in (TestData/sheets): the tracking template's five example rows, one
/// of them still in progress with <c>-</c> for what has not happened, and the after-sales template's three rows with
/// no date column and contacts masked before they reach us. The figures were computed by hand.
/// </summary>
public sealed class TemplateSheetTests
{
    private static readonly DateOnly TrackingDay = new(2026, 11, 17);

    private static readonly DateOnly AfterSalesDay = new(2026, 11, 18);

    private static readonly string Sheets = Path.Combine(AppContext.BaseDirectory, "TestData", "sheets");

    [Fact]
    public async Task TheTrackingTemplatesFiveRowsImportWithTheFiguresComputedByHand()
    {
        await using var services = Services();

        var rows = await Importer(services).ImportAsync(Path.Combine(Sheets, "tracking-template.csv"), Channel.Other);

        Assert.Equal(["created", "created", "created", "created", "created"], rows.Select(row => row.Outcome));
        var all = (await services.Reports.RunDayAsync(TrackingDay)).All;
        Assert.Equal(5, all.Received);
        Assert.Equal(4, all.Resolved);
        // 是否首次解决: 是 on rows 001, 002 and 005; the in-progress row wrote "-".
        Assert.Equal(3, all.FirstContactResolved);
        // First replies after 7, 45, 3, 20 and 100 minutes; resolutions after 75, 90, 180 and 120.
        Assert.Equal((5, 35.0), (all.FirstResponse.Count, all.FirstResponse.Mean!.Value));
        Assert.Equal((4, 116.25), (all.Resolution.Count, all.Resolution.Mean!.Value));
        // 满意, 5, 一般, 满意: three of the four ratings are satisfied.
        Assert.Equal((3, 4), (all.Satisfied.Hits, all.Satisfied.Of));
        // The call's target is three rings (7 minutes misses it) and WeChat's is chat's 5 minutes (20 misses it);
        // chat 3 of 5 minutes, e-mail within 2 hours and the suggestion within its working day are met.
        Assert.Equal((3, 5), (all.Attainment["firstResponse"].Hits, all.Attainment["firstResponse"].Of));
        Assert.Equal(1, all.OpenAtEnd);

        var open = await TicketAsync(services, TrackingDay, "20261117-003");
        Assert.Equal(TicketStatus.Open, open.Status);
        Assert.Equal(Channel.Chat, open.Channel);
        Assert.Equal("物流接口异常", open.OverdueReason);
        Assert.Null(open.ResolvedAt);
        Assert.False(open.FirstContactResolved(ChannelKind.Chat));
        // "VIP客户" in 备注 raises the tier; the priority the sheet states (一般) stands, as the team chose it.
        Assert.Equal((ClassificationRules.VipTier, Priority.Normal), (open.CustomerTier, open.Priority));
        Assert.Equal("VIP客户", open.Remarks);

        var backlog = await services.Backlog.AtAsync();
        Assert.Equal(["物流接口异常"], backlog.Select(ticket => ticket.Reason));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task TheAfterSalesTemplateImportsWithItsReferencesSolutionsAndFeedback(string format)
    {
        await using var services = Services();
        var path =
            format == "csv"
                ? Path.Combine(Sheets, "after-sales-template.csv")
                : await AsWorkbookAsync(Path.Combine(Sheets, "after-sales-template.csv"));

        var rows = await Importer(services).ImportAsync(path, Channel.Other);

        Assert.Equal(["created", "created", "created"], rows.Select(row => row.Outcome));
        var report = await services.Reports.RunDayAsync(AfterSalesDay);
        var all = report.All;
        Assert.Equal(3, all.Received);
        // The third was resolved, then the customer said it was not: it is open again.
        Assert.Equal(2, all.Resolved);
        Assert.Equal(1, all.Reopened);
        // First replies after 10, 30 and 45 minutes.
        Assert.Equal(3, all.FirstResponse.Count);
        Assert.Equal(85 / 3.0, all.FirstResponse.Mean!.Value, 9);
        // Resolved after 360 and 50 minutes.
        Assert.Equal((2, 205.0), (all.Resolution.Count, all.Resolution.Mean!.Value));
        // The first customer confirmed (已解决，很满意) at once; the second gave no verdict and confirms by the wait.
        Assert.Equal(2, all.Confirmed);
        // Scores 5 and 4 are satisfied; 不满意 is not.
        Assert.Equal((2, 3), (all.Satisfied.Hits, all.Satisfied.Of));
        Assert.Equal((3, 3), (all.Attainment["firstResponse"].Hits, all.Attainment["firstResponse"].Of));

        var leak = await TicketAsync(services, AfterSalesDay, "SH-20261118-01");
        Assert.Equal("product-quality", leak.Category);
        // No priority column: the VIP remark lifts the category's normal priority to high.
        Assert.Equal((ClassificationRules.VipTier, Priority.High), (leak.CustomerTier, leak.Priority));
        Assert.Equal("上门更换进水管并试机", leak.Solution);
        Assert.Equal(Confirmation.Resolved, leak.CustomerConfirmation);
        Assert.Equal("工号001", leak.Owner);

        var question = await TicketAsync(services, AfterSalesDay, "SH-20261118-02");
        Assert.Equal("usage-question", question.Category);
        Assert.Equal("好的谢谢", question.Satisfaction!.Comment);
        // A masked number comes with the name: the display masks both again, never showing more than the sheet did.
        Assert.Equal("李** 1***", question.Customer.Masked);

        var invoice = await TicketAsync(services, AfterSalesDay, "SH-20261118-03");
        Assert.Equal("complaint", invoice.Category);
        Assert.Equal(TicketStatus.Open, invoice.Status);
        Assert.Equal(Confirmation.NotResolved, invoice.CustomerConfirmation);
        Assert.Equal("月底前需报销", invoice.Remarks);

        // "已处理" says nothing of what was done: the exceptions list flags it.
        var vague = Assert.Single(report.Exceptions, row => row.VagueSolution is not null);
        Assert.Equal(
            ("已处理", await IdAsync(services, AfterSalesDay, "SH-20261118-02")),
            (vague.VagueSolution, vague.TicketId)
        );
        // Every imported row is listed for a reviewer to spot-check, after the open one.
        Assert.Equal(["20261118-003", "20261118-001", "20261118-002"], report.Exceptions.Select(row => row.Number));
        Assert.All(report.Exceptions, row =>
            Assert.Contains(row.DataQuality, note => note.Kind == DataNoteKind.Imported)
        );
    }

    [Fact]
    public async Task TheExportCarriesWhatTheSheetRecorded()
    {
        await using var services = Services();
        await Importer(services).ImportAsync(Path.Combine(Sheets, "after-sales-template.csv"), Channel.Other);
        var id = await IdAsync(services, AfterSalesDay, "SH-20261118-01");

        var row = TicketExportRow.From(
            (await services.Store.LoadAsync(id))!,
            services.Policy,
            services.Time.GetUtcNow()
        );

        Assert.Equal(
            ("SH-20261118-01", "工号001", "上门更换进水管并试机", "VIP客户"),
            (row.Reference, row.Executor, row.Solution, row.Remarks)
        );
        Assert.Equal(
            ("resolved", new DateTimeOffset(2026, 11, 18, 15, 0, 0, TimeSpan.FromHours(8))),
            (row.Confirmation, row.ConfirmedAt)
        );
        // Instants carry the policy zone's offset; times come in whole seconds as well as minutes.
        Assert.Equal(TimeSpan.FromHours(8), row.ReceivedAt.Offset);
        Assert.Equal((600L, 10.0), (row.FirstResponseWallSeconds!.Value, row.FirstResponseWallMinutes!.Value));
        Assert.Equal(21_600L, row.ResolutionWallSeconds);
        Assert.Equal("张** 5***", row.Customer);
    }

    private static TestProcess Services() =>
        MemoryProcess.Of(
            Shipped.Policy,
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero))
        );

    private static SpreadsheetImporter Importer(TestProcess services) =>
        services.With(added => added.AddSlaWatchChannels()).Get<SpreadsheetImporter>();

    private static async Task<string> IdAsync(TestProcess services, DateOnly day, string reference)
    {
        foreach (var entry in await services.Index.ReadDayAsync(day))
        {
            if (await services.Store.LoadAsync(entry.TicketId) is { } stored && stored.State.Reference == reference)
            {
                return stored.Id;
            }
        }

        throw new InvalidOperationException($"no ticket with reference {reference}");
    }

    private static async Task<Ticket> TicketAsync(TestProcess services, DateOnly day, string reference) =>
        (await services.Store.LoadAsync(await IdAsync(services, day, reference)))!.State;

    /// <summary>The CSV as Excel would keep it: 接收时间 and the other instants as real date-time cells.</summary>
    private static async Task<string> AsWorkbookAsync(string csv)
    {
        var lines = (await File.ReadAllLinesAsync(csv)).Select(line => line.Split(',')).ToArray();
        var sheet = lines
            .Skip(1)
            .Select(cells =>
            {
                var row = new Dictionary<string, object?>();
                for (var i = 0; i < lines[0].Length; i++)
                {
                    row[lines[0][i]] =
                        DateTime.TryParse(cells[i], System.Globalization.CultureInfo.InvariantCulture, out var instant)
                        && cells[i].Contains(':', StringComparison.Ordinal)
                            ? instant
                            : cells[i];
                }

                return row;
            })
            .ToList();
        var path = Path.Combine(TestFolders.Create("slawatch-import-").FullName, "售后问题登记表.xlsx");
        await MiniExcel.SaveAsAsync(path, sheet);
        return path;
    }
}
