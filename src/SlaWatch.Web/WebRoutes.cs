using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SlaWatch.Web.Board;
using SlaWatch.Web.Pages;
using SlaWatch.Web.Reports;
using SlaWatch.Web.SignIn;
using SlaWatch.Web.Workbench;

namespace SlaWatch.Web;

/// <summary>
/// The people-facing routes for a host without the Functions host (<c>slawatch serve</c>, the browser tests), under
/// the same paths the Functions app's triggers answer (<c>/api/…</c>), each answered by the same class; plus the start
/// page at <c>/</c> and, with development users, their sign-in.
/// </summary>
public static class WebRoutes
{
    public static IEndpointRouteBuilder MapSlaWatchPages(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/", (PageHtml pages) => TypedResults.Content(pages.Start, "text/html; charset=utf-8"));
        routes.MapGet("/api/board", (BoardEndpoints board, HttpRequest request) => board.Page(request));
        routes.MapGet(
            "/api/board/data",
            (BoardEndpoints board, HttpRequest request, CancellationToken cancellationToken) =>
                board.DataAsync(request, cancellationToken)
        );
        routes.MapGet(
            "/api/reports/{kind}",
            (ReportEndpoints reports, HttpRequest request, string kind, CancellationToken cancellationToken) =>
                reports.RunAsync(request, kind, cancellationToken)
        );
        routes.MapMethods(
            "/api/staffing",
            ["GET", "POST"],
            (StaffingEndpoints staffing, HttpRequest request, CancellationToken cancellationToken) =>
                staffing.PlanAsync(request, cancellationToken)
        );
        routes.MapGet(
            "/api/export/tickets",
            (ExportEndpoints export, HttpRequest request, CancellationToken cancellationToken) =>
                export.TicketsAsync(request, cancellationToken)
        );
        routes.MapPost(
            "/api/whatif",
            (WhatIfEndpoints whatIf, HttpRequest request, CancellationToken cancellationToken) =>
                whatIf.CompareAsync(request, cancellationToken)
        );
        routes.MapGet("/api/workbench", (WorkbenchEndpoints workbench, HttpRequest request) => workbench.Page(request));
        routes.MapGet("/api/workbench/me", (WorkbenchEndpoints workbench, HttpRequest request) =>
            workbench.Me(request)
        );
        routes.MapGet(
            "/api/workbench/queue",
            (WorkbenchEndpoints workbench, HttpRequest request, CancellationToken cancellationToken) =>
                workbench.QueueAsync(request, cancellationToken)
        );
        routes.MapGet(
            "/api/workbench/coaching",
            (WorkbenchEndpoints workbench, HttpRequest request, CancellationToken cancellationToken) =>
                workbench.CoachingAsync(request, cancellationToken)
        );
        routes.MapGet(
            "/api/workbench/drill",
            (WorkbenchEndpoints workbench, HttpRequest request, CancellationToken cancellationToken) =>
                workbench.DrillAsync(request, cancellationToken)
        );
        routes.MapGet(
            "/api/workbench/tickets/{id}",
            (WorkbenchEndpoints workbench, HttpRequest request, string id, CancellationToken cancellationToken) =>
                workbench.TicketAsync(request, id, cancellationToken)
        );
        routes.MapGet(
            "/api/workbench/tickets/{id}/audit",
            (WorkbenchEndpoints workbench, HttpRequest request, string id, CancellationToken cancellationToken) =>
                workbench.AuditAsync(request, id, cancellationToken)
        );
        routes.MapPost(
            "/api/workbench/tickets/{id}/{action}",
            (
                WorkbenchEndpoints workbench,
                HttpRequest request,
                string id,
                string action,
                CancellationToken cancellationToken
            ) => workbench.ActAsync(request, id, action, cancellationToken)
        );
        routes.MapGet("/api/wechat/{account}", (WeChat.WeChatEndpoints wechat, HttpRequest request, string account) =>
            wechat.Check(request, account)
        );
        routes.MapPost(
            "/api/wechat/{account}",
            (WeChat.WeChatEndpoints wechat, HttpRequest request, string account, CancellationToken cancellationToken) =>
                wechat.ReceiveAsync(request, account, cancellationToken)
        );
        routes.MapGet("/api/wecom/{account}", (WeCom.WeComEndpoints wecom, HttpRequest request, string account) =>
            wecom.Check(request, account)
        );
        routes.MapPost(
            "/api/wecom/{account}",
            (WeCom.WeComEndpoints wecom, HttpRequest request, string account, CancellationToken cancellationToken) =>
                wecom.ReceiveAsync(request, account, cancellationToken)
        );
        return routes;
    }

    public static IEndpointRouteBuilder MapDevelopmentSignIn(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/signin", (DevelopmentSignInEndpoints signIn, HttpRequest request) => signIn.Page(request));
        routes.MapGet("/signin/users", (DevelopmentSignInEndpoints signIn, HttpRequest request) =>
            signIn.Users(request)
        );
        routes.MapPost("/signin/{id}", (DevelopmentSignInEndpoints signIn, HttpRequest request, string id) =>
            signIn.SignIn(request, id)
        );
        routes.MapPost("/signout", (HttpRequest request) => DevelopmentSignInEndpoints.SignOut(request));
        return routes;
    }
}
