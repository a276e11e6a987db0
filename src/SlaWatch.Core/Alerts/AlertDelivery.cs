using SlaWatch.Core.Ports;

namespace SlaWatch.Core.Alerts;

/// <summary>One try of one route for one person: delivered, or why not.</summary>
public sealed record RouteAttempt(DutyPerson Person, string Route, bool Delivered, string? Reason);

/// <summary>
/// Hands messages to people by their routes (docs/alerts.md): every one of a person's <c>routes</c> at once (a robot
/// and e-mail), then, when none of them delivered — retries spent, circuit open, rate limit reached — their
/// <c>fallback</c> routes one by one until one does. People a route reaching a group (a robot) serves at once get one
/// message naming them all. A person without routes of their own is tried on the first configured route they have an
/// address for, then on the others in turn.
/// </summary>
public sealed class AlertDelivery(IEnumerable<IAlertRoute> routes)
{
    private readonly IReadOnlyList<IAlertRoute> _routes = [.. routes];

    /// <summary>The routes configured, by name.</summary>
    public IEnumerable<string> Routes => _routes.Select(route => route.Name);

    /// <summary>
    /// Delivers to <paramref name="people"/> what <paramref name="compose"/> makes for a group of them on a route (the
    /// people, the addresses the route reaches them by, and what those addresses are); returns every try, in order.
    /// </summary>
    public async Task<IReadOnlyList<RouteAttempt>> DeliverAsync(
        IReadOnlyList<DutyPerson> people,
        Func<IReadOnlyList<DutyPerson>, IReadOnlyList<string>, AlertAddress, AlertMessage> compose,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(compose);
        var attempts = new List<RouteAttempt>();
        var steps = people.Distinct().ToDictionary(person => person, person => new Queue<List<string>>(Steps(person)));
        foreach (var person in steps.Keys.Where(person => steps[person].Count == 0))
        {
            attempts.Add(new RouteAttempt(person, "-", false, "no route reaches this person"));
        }

        while (steps.Any(pair => pair.Value.Count > 0))
        {
            var round = new Dictionary<IAlertRoute, List<DutyPerson>>();
            foreach (var (person, queue) in steps)
            {
                while (queue.TryDequeue(out var step))
                {
                    var usable = step.Select(name => Usable(person, name, attempts)).OfType<IAlertRoute>().ToList();
                    foreach (var route in usable)
                    {
                        if (!round.TryGetValue(route, out var group))
                        {
                            round[route] = group = [];
                        }

                        group.Add(person);
                    }

                    if (usable.Count > 0)
                    {
                        break;
                    }
                }
            }

            var delivered = new HashSet<DutyPerson>();
            foreach (var (route, group) in round)
            {
                var messages = route.ReachesGroup
                    ? [group]
                    : group.Select(person => (IReadOnlyList<DutyPerson>)[person]);
                foreach (var to in messages)
                {
                    var addresses = to.Select(person => Address(person, route.Needs)).OfType<string>().ToList();
                    var reason = await SendAsync(route, compose(to, addresses, route.Needs), cancellationToken)
                        .ConfigureAwait(false);
                    foreach (var person in to)
                    {
                        attempts.Add(new RouteAttempt(person, route.Name, reason is null, reason));
                        if (reason is null)
                        {
                            delivered.Add(person);
                        }
                    }
                }
            }

            foreach (var person in delivered)
            {
                steps[person].Clear();
            }
        }

        return attempts;
    }

    // All of the person's routes first, then each fallback alone.
    private IEnumerable<List<string>> Steps(DutyPerson person)
    {
        if (person.Routes.Count > 0)
        {
            return new[] { person.Routes.ToList() }.Concat(person.Fallback.Select(name => new List<string> { name }));
        }

        return _routes
            .Where(route => Address(person, route.Needs) is not null)
            .Select(route => new List<string> { route.Name });
    }

    /// <summary>How a route needing <paramref name="needs"/> reaches <paramref name="person"/>; null when they lack
    /// it.</summary>
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
