using Kalinga.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Kalinga.Tests.Attachments;

/// <summary>Kalinga with a 1 KiB upload limit, so the limits can be crossed with small files.</summary>
public sealed class SmallAttachmentsApp : KalingaApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Attachments:MaxBytes", "1024");
    }
}
