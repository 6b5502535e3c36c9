using RealtimeKit.Cli;

return await RealtimeKitCli.RunAsync(args, new CliEnvironment(Console.Out, Console.Error, Environment.GetEnvironmentVariable));
