using System.Globalization;
using System.Text;

namespace Kalinga.Bench.Load;

/// <summary>The wrk scripts of the scenarios, written at run time with the data of the run baked in.</summary>
public static class Lua
{
    /// <summary>Each wrk thread gets its own id and random seed, so threads do not ask for the same rows in lockstep.</summary>
    private const string Threads = """
        local next_thread = 1
        function setup(thread)
          thread:set("tid", next_thread)
          next_thread = next_thread + 1
        end
        function init(args)
          math.randomseed(os.time() * 1000 + tid * 7919)
          for i = 1, 10 do math.random() end
        end

        """;

    /// <summary>GET of one of the given paths, chosen at random for each request.</summary>
    public static string GetAny(IReadOnlyList<string> paths, string? token, string? cookie = null)
    {
        var lua = new StringBuilder(Header(token));
        if (cookie is not null)
        {
            lua.Append("wrk.headers[\"Cookie\"] = ").Append(Quote(cookie)).Append('\n');
        }

        lua.Append("local paths = {\n");
        foreach (var path in paths)
        {
            lua.Append("  ").Append(Quote(path)).Append(",\n");
        }

        lua.Append("}\n").Append(Threads).Append("""
            request = function()
              return wrk.format("GET", paths[math.random(#paths)])
            end
            """);
        return lua.ToString();
    }

    /// <summary>GET of <c>{prefix}{n}{suffix}</c> for a random n in [first, last], with a bearer token or a session cookie.</summary>
    public static string GetNumbered(string prefix, long first, long last, string suffix, string? token, string? cookie = null) =>
        Header(token) + (cookie is null ? "" : $"wrk.headers[\"Cookie\"] = {Quote(cookie)}\n") + Threads + string.Create(CultureInfo.InvariantCulture, $$"""
            request = function()
              return wrk.format("GET", {{Quote(prefix)}} .. math.random({{first}}, {{last}}) .. {{Quote(suffix)}})
            end
            """);

    /// <summary>
    /// POST of JSON bodies in rotation. A body may hold one <c>{unique}</c> placeholder, replaced by a value no other
    /// request of the run uses (thread id and a counter), to create new customers.
    /// </summary>
    public static string PostRotating(string path, IReadOnlyList<string> bodies, string? token)
    {
        var lua = new StringBuilder(Header(token));
        lua.Append("wrk.headers[\"Content-Type\"] = \"application/json\"\nlocal path = ").Append(Quote(path)).Append("\nlocal bodies = {\n");
        foreach (var body in bodies)
        {
            var at = body.IndexOf("{unique}", StringComparison.Ordinal);
            var (before, after) = at < 0 ? (body, null) : (body[..at], body[(at + "{unique}".Length)..]);
            lua.Append("  {").Append(Quote(before)).Append(", ").Append(after is null ? "nil" : Quote(after)).Append("},\n");
        }

        lua.Append("}\n").Append(Threads).Append("""
            local sent = 0
            request = function()
              sent = sent + 1
              local b = bodies[math.random(#bodies)]
              local body = b[1]
              if b[2] ~= nil then body = b[1] .. tid .. "-" .. sent .. "-" .. os.time() .. b[2] end
              return wrk.format("POST", path, nil, body)
            end
            """);
        return lua.ToString();
    }

    private static string Header(string? token) =>
        token is null ? "" : $"wrk.headers[\"Authorization\"] = {Quote("Bearer " + token)}\n";

    /// <summary>A Lua long string: no escapes to get wrong, whatever the text holds.</summary>
    private static string Quote(string text)
    {
        var level = 0;
        while (text.Contains("]" + new string('=', level) + "]", StringComparison.Ordinal))
        {
            level++;
        }

        var eq = new string('=', level);
        // A long string drops a first newline; bodies never start with one, but keep them intact anyway.
        return $"[{eq}[{(text.StartsWith('\n') ? "\n" : "")}{text}]{eq}]";
    }
}
