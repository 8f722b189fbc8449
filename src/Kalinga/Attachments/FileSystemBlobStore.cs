using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Kalinga.Attachments;

/// <summary>
/// Blobs as files under <c>{data}/blobs/ab/cd/abcd…</c>. Content is written to a temporary file while hashing,
/// then moved into place, so a crash never leaves a half-written blob under a valid name.
/// </summary>
/// <remarks>
/// An import stores a blob per message, so the per-blob work is kept small: each folder is created once per process
/// (not a failing mkdir for every blob) and the file is written unbuffered from a pooled buffer. A blob is complete
/// before the database row that names it is committed; a crash in between leaves only an unreferenced file.
/// </remarks>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    private const int BufferSize = 81920;

    private readonly ConcurrentDictionary<string, bool> folders = new(StringComparer.Ordinal);

    public async Task<StoredBlob> PutAsync(Stream content, CancellationToken ct)
    {
        var incoming = Folder(Path.Combine(root, "incoming"));
        var temp = Path.Combine(incoming, Path.GetRandomFileName());
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            string hash;
            long length = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    file.Write(buffer, 0, read);
                    length += read;
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var target = PathOf(hash);
            if (File.Exists(target))
            {
                File.Delete(temp);
            }
            else
            {
                Folder(Path.GetDirectoryName(target)!);
                File.Move(temp, target, overwrite: true);
            }

            return new StoredBlob(hash, length);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private string Folder(string path)
    {
        if (!folders.ContainsKey(path))
        {
            Directory.CreateDirectory(path);
            folders[path] = true;
        }

        return path;
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
