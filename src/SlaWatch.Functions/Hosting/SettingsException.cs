namespace SlaWatch.Functions.Hosting;

/// <summary>The app cannot start: the message names each setting that is missing or wrong.</summary>
public sealed class SettingsException(string message) : Exception(message);
