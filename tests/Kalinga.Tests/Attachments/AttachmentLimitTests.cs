using System.Net;
using Kalinga.Tests.Infrastructure;

namespace Kalinga.Tests.Attachments;

public sealed class AttachmentLimitTests(SmallAttachmentsApp app) : IClassFixture<SmallAttachmentsApp>
{
    [Fact]
    public async Task File_at_the_limit_is_accepted()
    {
        var client = await app.ClientAsync();

        var uploaded = await client.UploadOneAsync("exact.bin", null, Uploads.RandomBytes(1024));

        Assert.Equal(1024, uploaded.Size);
    }

    [Theory]
    [InlineData(1025)]
    [InlineData(4096)]
    [InlineData(300_000)]
    public async Task File_over_the_limit_is_refused_with_413_and_not_stored(int size)
    {
        var client = await app.ClientAsync();
        var before = Uploads.BlobCount(app.DataDirectory);

        var response = await client.UploadAsync(("big.bin", "application/octet-stream", Uploads.RandomBytes(size)));

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1024 bytes", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, Uploads.BlobCount(app.DataDirectory));
    }

    [Fact]
    public async Task Files_that_together_pass_the_limit_are_refused_with_413_and_none_is_stored()
    {
        var client = await app.ClientAsync();
        var before = Uploads.BlobCount(app.DataDirectory);

        var response = await client.UploadAsync(("one.bin", null, Uploads.RandomBytes(600)), ("two.bin", null, Uploads.RandomBytes(600)));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, Uploads.BlobCount(app.DataDirectory));
    }
}
