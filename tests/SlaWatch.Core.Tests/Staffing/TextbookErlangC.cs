namespace SlaWatch.Core.Tests.Staffing;

/// <summary>Erlang C as the textbooks write it, the sum of Aᵏ/k! term by term: the staffing tests' own computation,
/// apart from the Erlang B recursion the code uses.</summary>
internal static class TextbookErlangC
{
    /// <summary>C(N, A) = (Aᴺ/N! · N/(N−A)) / (Σₖ₌₀ᴺ⁻¹ Aᵏ/k! + Aᴺ/N! · N/(N−A)).</summary>
    public static double Wait(int agents, double traffic)
    {
        var term = 1.0;
        var sum = 0.0;
        for (var k = 0; k < agents; k++)
        {
            sum += term;
            term = term * traffic / (k + 1);
        }

        var top = term * agents / (agents - traffic);
        return top / (sum + top);
    }
}
