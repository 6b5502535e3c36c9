namespace RealtimeKit.Generated;

/// <summary>
/// Which of the document's variants a <see cref="StorageConfig"/> is (<see cref="StorageConfig.Variant"/>):
/// a bucket (<see cref="Aws"/>, <see cref="Azure"/>, <see cref="DigitalOcean"/>, <see cref="Gcs"/>)
/// or an SFTP server (<see cref="SftpWithPassword"/>, <see cref="SftpWithPrivateKey"/>, or
/// <see cref="Sftp"/> when the login method is not known). Extensible: a storage type this
/// version does not know is kept as it arrived, with <see cref="IsKnown"/> false.
/// </summary>
public readonly struct StorageConfigVariant : IEquatable<StorageConfigVariant>
{
    private readonly string? _value;

    /// <summary>A variant by its name: a storage <c>type</c>, or <c>sftp:</c> and an <c>auth_method</c>.</summary>
    /// <param name="value">The name.</param>
    public StorageConfigVariant(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>An Amazon S3 bucket with an access key (<c>type</c> <c>aws</c>).</summary>
    public static StorageConfigVariant Aws { get; } = new("aws");

    /// <summary>An Azure container with an access key (<c>type</c> <c>azure</c>).</summary>
    public static StorageConfigVariant Azure { get; } = new("azure");

    /// <summary>A DigitalOcean Space with an access key (<c>type</c> <c>digitalocean</c>).</summary>
    public static StorageConfigVariant DigitalOcean { get; } = new("digitalocean");

    /// <summary>A Google Cloud Storage bucket (<c>type</c> <c>gcs</c>).</summary>
    public static StorageConfigVariant Gcs { get; } = new("gcs");

    /// <summary>An SFTP server whose login method the configuration does not say.</summary>
    public static StorageConfigVariant Sftp { get; } = new("sftp");

    /// <summary>An SFTP server logged in to with a password (<c>auth_method</c> <c>PASSWORD</c>).</summary>
    public static StorageConfigVariant SftpWithPassword { get; } = new("sftp:PASSWORD");

    /// <summary>An SFTP server logged in to with a private key (<c>auth_method</c> <c>KEY</c>).</summary>
    public static StorageConfigVariant SftpWithPrivateKey { get; } = new("sftp:KEY");

    /// <summary>Every variant this version knows.</summary>
    public static IReadOnlyList<StorageConfigVariant> KnownValues { get; } = [Aws, Azure, DigitalOcean, Gcs, Sftp, SftpWithPassword, SftpWithPrivateKey];

    /// <summary>Whether this is one of <see cref="KnownValues"/>.</summary>
    public bool IsKnown => KnownValues.Contains(this);

    /// <summary>Whether the storage is an SFTP server (any login method).</summary>
    public bool IsSftp => Equals(Sftp) || Equals(SftpWithPassword) || Equals(SftpWithPrivateKey);

    /// <summary>Whether two variants have the same name.</summary>
    public static bool operator ==(StorageConfigVariant left, StorageConfigVariant right) => left.Equals(right);

    /// <summary>Whether two variants have different names.</summary>
    public static bool operator !=(StorageConfigVariant left, StorageConfigVariant right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(StorageConfigVariant other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StorageConfigVariant other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The variant's name (<c>aws</c>, …, <c>sftp:PASSWORD</c>, <c>sftp:KEY</c>).</summary>
    public override string ToString() => _value ?? string.Empty;
}
