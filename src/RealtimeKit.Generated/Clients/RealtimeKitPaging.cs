using System.Runtime.CompilerServices;

namespace RealtimeKit.Generated;

/// <summary>
/// The walk behind every generated <c>Enumerate…Async</c> companion of a paged list operation
/// (marked <c>x-rtk-paged</c> in the document): it asks for page 1, 2, 3, … through the list
/// operation itself, one request per page, and yields the items of each page as it arrives.
/// </summary>
/// <remarks>
/// The walk stops after the page that brings the items seen to the answer's
/// <c>paging.total_count</c>, and after an empty page in any case (so a service that ignores
/// <c>page_no</c> or a count that never fills cannot make it loop). Without a
/// <c>total_count</c> in the answer it goes on until an empty page, as Cloudflare's SDKs do.
/// Cancellation is checked before every request and passed to it.
/// </remarks>
internal static class RealtimeKitPaging
{
    /// <summary>The number of the first page: the API counts pages from 1.</summary>
    internal const int FirstPage = 1;

    /// <summary>Walks the pages of one list operation.</summary>
    /// <typeparam name="TPage">The list operation's answer.</typeparam>
    /// <typeparam name="TItem">One item of a page.</typeparam>
    /// <param name="fetchPage">Sends the list operation for one page number.</param>
    /// <param name="items">Where the items of a page are (the document's <c>x-rtk-paged.items</c>).</param>
    /// <param name="totalCount">The page's <c>paging.total_count</c>, or null when the answer has none.</param>
    /// <param name="cancellationToken">Cancels the walk; combined with the token given to <c>WithCancellation</c>.</param>
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, int?> totalCount,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(totalCount);

        long seen = 0;
        for (var pageNo = FirstPage; ; pageNo++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(pageNo, cancellationToken).ConfigureAwait(false);

            var count = 0;
            foreach (var item in items(page) ?? [])
            {
                count++;
                yield return item;
            }

            seen += count;
            if (count == 0 || (totalCount(page) is { } total && seen >= total) || pageNo == int.MaxValue)
            {
                yield break;
            }
        }
    }
}
