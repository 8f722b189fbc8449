namespace Kalinga.Tests.Infrastructure;

/// <summary>Puts the server's own error log into the test failure when an answer is a 500.</summary>
public sealed class ServerErrors(ErrorLog log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.Fail($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}\nServer log:\n{string.Join("\n", log.Entries.TakeLast(3))}");
        }

        return response;
    }
}
