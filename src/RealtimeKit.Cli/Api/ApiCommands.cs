using System.Collections;
using System.CommandLine;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using RealtimeKit.Generated;

namespace RealtimeKit.Cli;

/// <summary>A command built from an operation of the document.</summary>
internal sealed class ApiCommand(ApiOperation operation) : Command(operation.CommandName, operation.Summary)
{
    public ApiOperation Operation { get; } = operation;
}

/// <summary>
/// The API command groups (apps, meetings, participants, …): one command per operation of the
/// document, its options derived from the generated method's parameters and body type, so a new
/// operation needs no hand-written handler.
/// </summary>
internal static class ApiCommands
{
    private const string BodyOption = "--body";
    private const string BodyFileOption = "--body-file";
    private const string AllOption = "--all";

    /// <summary>
    /// The groups, in the document's order. A hand-written group of the same name is the group:
    /// its commands stand in for the generated ones of their names (as <c>webhooks list</c> does)
    /// or join them (as <c>webhooks trigger</c> does); the generated commands fill in the rest.
    /// </summary>
    public static IEnumerable<Command> CreateGroups(CliEnvironment environment, GlobalOptions globals, params Command[] handWritten)
    {
        foreach (var group in ApiCatalog.Instance.Groups)
        {
            var command = handWritten.FirstOrDefault(c => c.Name == group.Name) ?? new Command(group.Name, group.Description);
            foreach (var operation in group.Operations.Where(o => command.Subcommands.All(c => c.Name != o.CommandName)))
            {
                command.Subcommands.Add(Create(environment, globals, operation));
            }

            yield return command;
        }

        foreach (var extra in handWritten.Where(c => ApiCatalog.Instance.Groups.All(g => g.Name != c.Name)))
        {
            yield return extra;
        }
    }

    private static ApiCommand Create(CliEnvironment environment, GlobalOptions globals, ApiOperation operation)
    {
        var command = new ApiCommand(operation);
        var taken = new HashSet<string>(globals.All.SelectMany(o => o.Aliases.Append(o.Name)), StringComparer.Ordinal)
        {
            "--help", "-h", "-?", "/?", "/h", BodyOption, BodyFileOption, AllOption,
        };
        var documented = operation.Document.Parameters;
        var parameters = operation.Method.GetParameters();
        var bindings = new Func<ParseResult, string, CancellationToken, object?>[parameters.Length];
        BodyBinding? body = null;

        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.Name == "accountId")
            {
                bindings[i] = (_, account, _) => account;
            }
            else if (parameter.ParameterType == typeof(CancellationToken))
            {
                bindings[i] = (_, _, token) => token;
            }
            else if (parameter.Name == "body" && operation.Document.Body is not null)
            {
                body = new BodyBinding(parameter.ParameterType, operation, taken);
                foreach (var option in body.Options)
                {
                    command.Options.Add(option);
                }

                var binding = body;
                bindings[i] = (parse, _, _) => binding.Build(parse);
            }
            else
            {
                var name = Naming.Option(parameter.Name!);
                var required = !parameter.HasDefaultValue;
                if (!ApiValues.IsSimple(parameter.ParameterType) || !taken.Add(name))
                {
                    bindings[i] = required
                        ? throw new InvalidOperationException($"{operation.OperationId}: the required parameter {parameter.Name} cannot be an option.")
                        : (_, _, _) => null;
                    continue;
                }

                documented.TryGetValue(Naming.Key(parameter.Name!), out var description);
                var option = CreateOption(name, parameter.ParameterType, description, required: false);
                option.Required = required;
                command.Options.Add(option);
                var type = parameter.ParameterType;
                bindings[i] = (parse, _, _) => Value(parse, option, type);
            }
        }

        var paging = Paging.Of(operation.Method, parameters);
        Option<bool>? all = null;
        if (paging is not null)
        {
            all = new Option<bool>(AllOption) { Description = "Every page: walks --page-no from the one given (or 1) until the answer's total_count" };
            command.Options.Add(all);
        }

        command.SetAction((parse, cancellationToken) => CliRunner.GuardAsync(environment, parse.GetValue(globals.Verbose), cancellationToken, async () =>
        {
            // Every option is read and checked before a client exists: a bad value sends nothing.
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                if (parameters[i].Name != "accountId")
                {
                    arguments[i] = bindings[i](parse, string.Empty, cancellationToken);
                }
            }

            await using var services = globals.CreateServices(parse);
            var account = globals.RequireAccountId(parse);
            arguments[Array.FindIndex(parameters, p => p.Name == "accountId")] = account;
            var client = services.GetRequiredService(operation.Client);
            var printer = new ApiPrinter(environment, parse.GetValue(globals.Output)!);

            if (paging is not null && all is not null && parse.GetValue(all))
            {
                printer.Print(await CliProgress.ForListing(environment).RunAsync(progress => paging.AllAsync(operation.Method, client, arguments, progress)));
                return;
            }

            var answer = await InvokeAsync(operation.Method, client, arguments);
            printer.Print(Paging.Data(answer), paging?.Total(answer));
        }));
        return command;
    }

    internal static async Task<object?> InvokeAsync(MethodInfo method, object client, object?[] arguments)
    {
        Task task;
        try
        {
            task = (Task)method.Invoke(client, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        await task.ConfigureAwait(false);
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static Option CreateOption(string name, Type type, string? description, bool required)
    {
        var text = Sentence(description);
        if (ApiValues.KnownValues(type) is { } known)
        {
            text = $"{text} One of: {string.Join(", ", known)}.".TrimStart();
        }

        if (ApiValues.ElementType(type) is not null)
        {
            text = $"{text} Repeat the option for each value.".TrimStart();
        }

        if (required)
        {
            text = $"(required) {text}".TrimEnd();
        }

        var helpName = ApiValues.HelpName(type) is { Length: <= 40 } brief ? brief : "value";
        Option option = ApiValues.ElementType(type) is not null
            ? new Option<string[]>(name) { Description = text, HelpName = helpName, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false }
            : new Option<string>(name) { Description = text, HelpName = helpName };

        // Shell completion (System.CommandLine's [suggest] directive, `realtimekit completion`) offers the known values.
        if (ApiValues.KnownValues(type) is { } values)
        {
            option.CompletionSources.Add(values.ToArray());
        }

        return option;
    }

    private static object? Value(ParseResult parse, Option option, Type type)
    {
        IReadOnlyList<string>? texts = option switch
        {
            Option<string[]> many => parse.GetValue(many),
            Option<string> one => parse.GetValue(one) is { } text ? [text] : null,
            _ => null,
        };
        return texts is null || texts.Count == 0 ? null : ApiValues.Convert(texts, type, option.Name);
    }

    private static string Sentence(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return string.Empty;
        }

        var text = string.Join(' ', description.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? text[..(end + 1)] : text;
    }

    /// <summary>The body of an operation: an option per simple field, or the whole body as JSON with --body/--body-file.</summary>
    private sealed class BodyBinding
    {
        private readonly Type _type;
        private readonly List<(Option Option, PropertyInfo Property, Type ValueType, bool Required)> _fields = [];
        private readonly Option<string> _json;
        private readonly Option<string> _file;

        public BodyBinding(Type type, ApiOperation operation, HashSet<string> taken)
        {
            _type = type;
            var schema = operation.Document.Body!;
            var nested = new List<string>();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonPropertyAttribute>() is not { PropertyName: { } wire } || !property.CanWrite)
                {
                    continue;
                }

                var name = Naming.Option(wire);

                // Required as the document says (the generated models check required fields themselves).
                var required = schema.Required.Contains(wire);

                // A nullable request field is a RealtimeKitOptional<T>: the option carries a T.
                var valueType = OptionalValueType(property.PropertyType) ?? property.PropertyType;
                if (!ApiValues.IsSimple(valueType) || !taken.Add(name))
                {
                    nested.Add(wire);
                    continue;
                }

                schema.Fields.TryGetValue(wire, out var description);
                var option = CreateOption(name, valueType, description, required);
                _fields.Add((option, property, valueType, required));
            }

            var nestedText = nested.Count > 0 ? $" The only way to set {string.Join(", ", nested)}." : string.Empty;
            _json = new Option<string>(BodyOption)
            {
                Description = $"The whole request body as JSON; field options given with it change its fields.{nestedText}",
                HelpName = "json",
            };
            _file = new Option<string>(BodyFileOption) { Description = "Like --body, with the JSON read from a file", HelpName = "path" };
        }

        public IEnumerable<Option> Options => _fields.Select(f => f.Option).Append(_json).Append(_file);

        private static Type? OptionalValueType(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(RealtimeKitOptional<>) ? type.GetGenericArguments()[0] : null;

        public object Build(ParseResult parse)
        {
            var json = parse.GetValue(_json);
            if (parse.GetValue(_file) is { } path)
            {
                if (json is not null)
                {
                    throw new UsageException("Give --body or --body-file, not both.");
                }

                try
                {
                    json = File.ReadAllText(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"--body-file: cannot read '{path}': {ex.Message}");
                }
            }

            object body;
            if (json is null)
            {
                body = Activator.CreateInstance(_type)!;
            }
            else
            {
                try
                {
                    body = JsonConvert.DeserializeObject(json, _type, RealtimeKitJson.SerializerSettings)
                        ?? throw new UsageException("--body: the JSON is null; give an object.");
                }
                catch (JsonException ex)
                {
                    throw new UsageException($"--body: not a request body of this operation: {ex.Message}");
                }
            }

            foreach (var (option, property, valueType, required) in _fields)
            {
                var value = Value(parse, option, valueType);
                if (value is not null)
                {
                    property.SetValue(body, valueType == property.PropertyType ? value : Activator.CreateInstance(property.PropertyType, value));
                }
                else if (required && json is null)
                {
                    throw new UsageException($"{option.Name} is required.");
                }
            }

            return body;
        }
    }

    /// <summary>A paged list: a pageNo parameter, and an answer with a list in data and a total_count in paging.</summary>
    private sealed class Paging(int pageNo, PropertyInfo data, PropertyInfo paging, PropertyInfo totalCount)
    {
        private const int MaxPages = 10_000;

        public static Paging? Of(MethodInfo method, ParameterInfo[] parameters)
        {
            var pageNo = Array.FindIndex(parameters, p => p.Name == "pageNo");
            var answer = method.ReturnType.GetGenericArguments().FirstOrDefault();
            var data = answer?.GetProperty("Data");
            var paging = answer?.GetProperty("Paging");
            var totalCount = paging?.PropertyType.GetProperty("TotalCount");
            return pageNo >= 0 && data is not null && ApiValues.ElementType(data.PropertyType) is not null && paging is not null && totalCount is not null
                ? new Paging(pageNo, data, paging, totalCount)
                : null;
        }

        /// <summary>The answer's paging.total_count, when it has one.</summary>
        public long? Total(object? answer) =>
            answer is not null && paging.GetValue(answer) is { } info && totalCount.GetValue(info) is { } total
                ? System.Convert.ToInt64(total, System.Globalization.CultureInfo.InvariantCulture)
                : null;

        /// <summary>The answer's data, or the whole answer where it has none.</summary>
        public static object? Data(object? answer) =>
            answer?.GetType().GetProperty("Data") is { } data ? data.GetValue(answer) : answer;

        public async Task<List<object?>> AllAsync(MethodInfo method, object client, object?[] arguments, CliProgress progress)
        {
            var items = new List<object?>();
            var page = arguments[pageNo] as int? ?? 1;
            for (var pages = 0; pages < MaxPages; pages++, page++)
            {
                arguments[pageNo] = page;
                var answer = await InvokeAsync(method, client, arguments);
                var count = 0;
                foreach (var item in data.GetValue(answer) as IEnumerable ?? Array.Empty<object>())
                {
                    items.Add(item);
                    count++;
                }

                var total = Total(answer) ?? 0;
                progress.Total = (int)Math.Min(total, int.MaxValue);
                progress.Ended(count);
                if (count == 0 || items.Count >= total)
                {
                    break;
                }
            }

            return items;
        }
    }
}
