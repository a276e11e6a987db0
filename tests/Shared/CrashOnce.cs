using System.Reflection;

namespace SlaWatch.TestSupport;

/// <summary>What a port throws where the process was killed: no retry policy of ours handles it, as none outlives a
/// kill.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);

/// <summary>
/// Ports that die once: every call forwarded to the real port, except the first call of one method (whose arguments
/// match, when a condition is given), which throws as a process killed at that step would stop. What a crash between
/// two writes leaves behind, for the next run to finish.
/// </summary>
public static class CrashOnce
{
    public static T Around<T>(T inner, string method, Func<object?[], bool>? when = null)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, Proxy<T>>();
        ((Proxy<T>)(object)proxy).Wrap(inner, method, when ?? (_ => true));
        return proxy;
    }

    public class Proxy<T> : DispatchProxy
        where T : class
    {
        private T _inner = null!;
        private string _method = string.Empty;
        private Func<object?[], bool> _when = _ => true;
        private int _crashes = 1;

        internal void Wrap(T inner, string method, Func<object?[], bool> when) =>
            (_inner, _method, _when) = (inner, method, when);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == _method && _when(args ?? []) && Interlocked.Exchange(ref _crashes, 0) == 1)
            {
                throw new SimulatedCrashException($"the process died in {_method}");
            }

            return targetMethod.Invoke(_inner, args);
        }
    }
}
