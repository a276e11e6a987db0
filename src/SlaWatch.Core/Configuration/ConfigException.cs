namespace SlaWatch.Core.Configuration;

/// <summary>A configuration file that cannot be used, naming the file, the JSON path and what is wrong.</summary>
public sealed class ConfigException(string file, string jsonPath, string problem)
    : Exception($"{file}: {jsonPath}: {problem}")
{
    public string File { get; } = file;

    public string JsonPath { get; } = jsonPath;

    public string Problem { get; } = problem;
}
