using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Alerts;

/// <summary>One try of one route for one person: delivered, or why not.</summary>
public sealed record RouteAttempt(DutyPerson Person, string Route, bool Delivered, string? Reason);

/// <summary>
/// Hands messages to people by their routes, in each person's order (docs/alerts.md): a route that fails — its
/// retries spent, its circuit open, its rate limit reached — is followed by the person's next; people a route reaching a group
/// (a group robot) reaches at once get one message naming them all. A person without routes of their own is tried on
/// every configured route they have an address for, in the configured order.
/// </summary>
public sealed class AlertDelivery(IEnumerable<IAlertRoute> routes)
{
    private readonly IReadOnlyList<IAlertRoute> _routes = [.. routes];

    /// <summary>The routes configured, by name.</summary>
    public IEnumerable<string> Routes => _routes.Select(route => route.Name);

    /// <summary>
    /// Delivers to <paramref name="people"/> what <paramref name="compose"/> makes for a group of them on a route (the
    /// people, and the addresses the route reaches them by); returns every try, in order.
    /// </summary>
    public async Task<IReadOnlyList<RouteAttempt>> DeliverAsync(
        IReadOnlyList<DutyPerson> people,
        Func<IReadOnlyList<DutyPerson>, IReadOnlyList<string>, AlertMessage> compose,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(compose);
        var attempts = new List<RouteAttempt>();
        var next = people.Distinct().ToDictionary(person => person, _ => 0);
        while (next.Count > 0)
        {
            var round = new Dictionary<IAlertRoute, List<DutyPerson>>();
            foreach (var person in next.Keys.ToList())
            {
                var chain = Chain(person);
                var index = next[person];
                IAlertRoute? route = null;
                while (index < chain.Count && (route = Usable(person, chain[index++], attempts)) is null) { }

                if (route is null)
                {
                    next.Remove(person);
                    if (chain.Count == 0)
                    {
                        attempts.Add(new RouteAttempt(person, "-", false, "no route reaches this person"));
                    }

                    continue;
                }

                next[person] = index;
                if (!round.TryGetValue(route, out var group))
                {
                    round[route] = group = [];
                }

                group.Add(person);
            }

            foreach (var (route, group) in round)
            {
                var messages = route.ReachesGroup
                    ? [group]
                    : group.Select(person => (IReadOnlyList<DutyPerson>)[person]);
                foreach (var to in messages)
                {
                    var addresses = to.Select(person => Address(person, route.Needs)).OfType<string>().ToList();
                    var reason = await SendAsync(route, compose(to, addresses), cancellationToken)
                        .ConfigureAwait(false);
                    foreach (var person in to)
                    {
                        attempts.Add(new RouteAttempt(person, route.Name, reason is null, reason));
                        if (reason is null)
                        {
                            next.Remove(person);
                        }
                    }
                }
            }
        }

        return attempts;
    }

    /// <summary>How <paramref name="route"/> reaches <paramref name="person"/>; null when it needs what they lack.</summary>
    public static string? Address(DutyPerson person, AlertAddress needs)
    {
        ArgumentNullException.ThrowIfNull(person);
        return needs switch
        {
            AlertAddress.Email => person.Email,
            AlertAddress.WeComUserId => person.WeComUserId,
            AlertAddress.DingTalkMobile => person.DingTalkMobile,
            _ => person.Name,
        };
    }

    private List<string> Chain(DutyPerson person) =>
        person.Routes.Count > 0
            ? [.. person.Routes]
            : [.. _routes.Where(route => Address(person, route.Needs) is not null).Select(route => route.Name)];

    // The route named, when it is configured and the person has what it needs; else the reason is noted once.
    private IAlertRoute? Usable(DutyPerson person, string name, List<RouteAttempt> attempts)
    {
        var route = _routes.FirstOrDefault(route =>
            string.Equals(route.Name, name, StringComparison.OrdinalIgnoreCase)
        );
        var problem =
            route is null ? $"route {name} is not configured"
            : Address(person, route.Needs) is null ? $"route {name} needs the person's {route.Needs}"
            : null;
        if (problem is not null)
        {
            attempts.Add(new RouteAttempt(person, name, false, problem));
        }

        return problem is null ? route : null;
    }

    private static async Task<string?> SendAsync(
        IAlertRoute route,
        AlertMessage message,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await route.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception error)
            when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever a route throws is that route's failure: the next route is tried, and the reason recorded.
            return error is AlertRouteException ? error.Message : $"{error.GetType().Name}: {error.Message}";
        }
    }
}
