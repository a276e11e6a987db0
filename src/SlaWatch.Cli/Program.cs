using SlaWatch.Cli;

return SlawatchApp.Run(args, Console.Out, Console.Error);
