namespace RealtimeKit.Generated;

// Extends the generated StorageConfig: the document lists its variants under anyOf (gcs; a bucket
// with an access key on aws, azure or digitalocean; SFTP with a private key; SFTP with a
// password), which the generated model flattens into one object with every field. The factories
// set exactly the fields of one variant; Variant tells which variant an answer is.
public partial class StorageConfig
{
    /// <summary>An Amazon S3 bucket, reached with an access key and its secret.</summary>
    /// <param name="bucket">Name of the bucket.</param>
    /// <param name="region">Region of the bucket, e.g. <c>us-east-1</c>.</param>
    /// <param name="accessKey">Access key of the bucket.</param>
    /// <param name="secret">Secret key of the bucket.</param>
    /// <param name="path">Where in the bucket recordings go, relative to its root; null: the root.</param>
    /// <returns><c>{"type":"aws","bucket":…,"path":…,"region":…,"access_key":…,"secret":…}</c>.</returns>
    public static StorageConfig Aws(string bucket, string region, string accessKey, string secret, string? path = null) =>
        WithAccessKey(StorageType.Aws, bucket, region, accessKey, secret, path);

    /// <summary>An Azure Blob Storage container, reached with an access key and its secret.</summary>
    /// <param name="bucket">Name of the container.</param>
    /// <param name="region">Region of the storage account.</param>
    /// <param name="accessKey">Access key (the storage account name).</param>
    /// <param name="secret">Secret key of the storage account.</param>
    /// <param name="path">Where in the container recordings go, relative to its root; null: the root.</param>
    /// <returns><c>{"type":"azure","bucket":…,"path":…,"region":…,"access_key":…,"secret":…}</c>.</returns>
    public static StorageConfig Azure(string bucket, string region, string accessKey, string secret, string? path = null) =>
        WithAccessKey(StorageType.Azure, bucket, region, accessKey, secret, path);

    /// <summary>A DigitalOcean Spaces bucket, reached with an access key and its secret.</summary>
    /// <param name="bucket">Name of the Space.</param>
    /// <param name="region">Region of the Space, e.g. <c>nyc3</c>.</param>
    /// <param name="accessKey">Access key of the Space.</param>
    /// <param name="secret">Secret key of the Space.</param>
    /// <param name="path">Where in the Space recordings go, relative to its root; null: the root.</param>
    /// <returns><c>{"type":"digitalocean","bucket":…,"path":…,"region":…,"access_key":…,"secret":…}</c>.</returns>
    public static StorageConfig DigitalOcean(string bucket, string region, string accessKey, string secret, string? path = null) =>
        WithAccessKey(StorageType.DigitalOcean, bucket, region, accessKey, secret, path);

    /// <summary>A Google Cloud Storage bucket (no access key: the secret is the credential).</summary>
    /// <param name="bucket">Name of the bucket.</param>
    /// <param name="secret">The credential of the bucket.</param>
    /// <param name="path">Where in the bucket recordings go, relative to its root; null: the root.</param>
    /// <returns><c>{"type":"gcs","bucket":…,"path":…,"secret":…}</c>.</returns>
    public static StorageConfig Gcs(string bucket, string secret, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(secret);
        return new StorageConfig { Type = StorageType.Gcs, Bucket = bucket, Path = path, Secret = secret };
    }

    /// <summary>An SFTP server, logged in to with a user name and a password.</summary>
    /// <param name="host">Host of the server.</param>
    /// <param name="username">User name.</param>
    /// <param name="password">Password of the user.</param>
    /// <param name="port">Port of the server; null: not sent (the service's default).</param>
    /// <param name="path">Where on the server recordings go; null: not sent.</param>
    /// <returns><c>{"type":"sftp","path":…,"host":…,"port":…,"username":…,"auth_method":"PASSWORD","password":…}</c>.</returns>
    public static StorageConfig SftpWithPassword(string host, string username, string password, int? port = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        return new StorageConfig
        {
            Type = StorageType.Sftp,
            Path = path,
            Host = host,
            Port = port,
            Username = username,
            AuthMethod = SftpAuthMethod.Password,
            Password = password,
        };
    }

    /// <summary>An SFTP server, logged in to with a user name and a private key.</summary>
    /// <param name="host">Host of the server.</param>
    /// <param name="username">User name.</param>
    /// <param name="privateKey">The private key (its text, e.g. PEM).</param>
    /// <param name="passphrase">The key's passphrase, sent as <c>password</c>; null: the key has none.</param>
    /// <param name="port">Port of the server; null: not sent (the service's default).</param>
    /// <param name="path">Where on the server recordings go; null: not sent.</param>
    /// <returns><c>{"type":"sftp","path":…,"host":…,"port":…,"username":…,"auth_method":"KEY","password":…,"private_key":…}</c>.</returns>
    public static StorageConfig SftpWithPrivateKey(string host, string username, string privateKey, string? passphrase = null, int? port = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(privateKey);
        return new StorageConfig
        {
            Type = StorageType.Sftp,
            Path = path,
            Host = host,
            Port = port,
            Username = username,
            AuthMethod = SftpAuthMethod.Key,
            Password = passphrase,
            PrivateKey = privateKey,
        };
    }

    /// <summary>
    /// Which variant this configuration is, from <c>type</c> and <c>auth_method</c> (the only
    /// fields answers carry: the service never answers credentials): null when it has neither.
    /// An SFTP server without a known <c>auth_method</c> is <see cref="StorageConfigVariant.Sftp"/>;
    /// a <c>type</c> this version does not know is kept as it arrived.
    /// </summary>
    [Newtonsoft.Json.JsonIgnore]
    public StorageConfigVariant? Variant
    {
        get
        {
            if (Type is { } type && type != StorageType.Sftp)
            {
                return new StorageConfigVariant(type.ToString());
            }

            if (AuthMethod == SftpAuthMethod.Password)
            {
                return StorageConfigVariant.SftpWithPassword;
            }

            if (AuthMethod == SftpAuthMethod.Key)
            {
                return StorageConfigVariant.SftpWithPrivateKey;
            }

            return Type is null && AuthMethod is null ? null : StorageConfigVariant.Sftp;
        }
    }

    private static StorageConfig WithAccessKey(StorageType type, string bucket, string region, string accessKey, string secret, string? path)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(accessKey);
        ArgumentNullException.ThrowIfNull(secret);
        return new StorageConfig { Type = type, Bucket = bucket, Path = path, Region = region, AccessKey = accessKey, Secret = secret };
    }
}
