namespace SlaWatch.Core.Tickets;

/// <summary>
/// The category a missed call's ticket carries: a call-back owed, not a customer's problem of a kind. Reports count
/// these apart; a run of them says the line was not staffed, never that one kind of problem is spreading, so the
/// category streak alert passes over them.
/// </summary>
public static class CallBack
{
    public const string Category = "callback";
}
