using System.Security.Cryptography;

namespace Kalinga.Attachments;

/// <summary>
/// Blobs as files under <c>{data}/blobs/ab/cd/abcd…</c>. Content is written to a temporary file while hashing,
/// then moved into place, so a crash never leaves a half-written blob under a valid name.
/// </summary>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    public async Task<StoredBlob> PutAsync(Stream content, CancellationToken ct)
    {
        var incoming = Path.Combine(root, "incoming");
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, Path.GetRandomFileName());
        try
        {
            string hash;
            long length;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                length = 0;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    length += read;
                }

                await file.FlushAsync(ct);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var target = PathOf(hash);
            if (File.Exists(target))
            {
                File.Delete(temp);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(temp, target, overwrite: true);
            }

            return new StoredBlob(hash, length);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(sha256)));

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lowercase SHA-256 hex string.", nameof(sha256));
        }

        return Path.Combine(root, sha256[..2], sha256[2..4], sha256);
    }
}
