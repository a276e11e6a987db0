using System.Text;

namespace SlaWatch.TestSupport;

/// <summary>
/// A seeded mutator for fuzz tests: one to three rounds of bits flipped, the input cut short, random bytes inserted,
/// a stretch repeated, a stretch blanked, or brackets nested deep. The same seed gives the same mutants.
/// </summary>
internal static class InputMutator
{
    public static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var rounds = random.Next(1, 4);
        for (var round = 0; round < rounds && bytes.Count > 0; round++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 512), bytes.Count - at);
                    var stretch = bytes.GetRange(at, length);
                    for (var copy = random.Next(1, 20); copy > 0; copy--)
                    {
                        bytes.InsertRange(at, stretch);
                    }

                    break;
                case 4:
                    for (var j = at; j < Math.Min(bytes.Count, at + random.Next(1, 64)); j++)
                    {
                        bytes[j] = random.Next(2) == 0 ? (byte)0 : (byte)0xFF;
                    }

                    break;
                default:
                    // Deep nesting: what breaks recursive parsers.
                    var depth = random.Next(10, 2_000);
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('[', depth) + new string('{', depth)));
                    break;
            }
        }

        return [.. bytes];
    }
}
