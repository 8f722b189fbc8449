using System.Net;
using Kalinga.CustomFields;

namespace Kalinga.Tests.Infrastructure;

/// <summary>Defining custom fields as an admin would, before tickets use them.</summary>
public static class Fields
{
    public static async Task<CustomFieldView> DefineFieldAsync(
        this HttpClient client, string key, string label, string type = "text", object? options = null,
        bool requiredOnSolve = false, bool customerVisible = false, Dictionary<string, string>? labels = null)
    {
        var response = await client.PostAsync("/api/v1/custom-fields", new
        {
            key,
            labels = labels ?? new Dictionary<string, string> { ["en"] = label },
            type,
            options,
            requiredOnSolve,
            customerVisible,
        });
        return await response.ReadAsync<CustomFieldView>(HttpStatusCode.Created);
    }
}
