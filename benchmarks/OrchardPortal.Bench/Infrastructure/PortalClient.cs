using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace OrchardPortal.Bench.Infrastructure;

/// <summary>
/// A browser stand-in for one server on 127.0.0.1:<see cref="Port"/>: every request is connected to
/// that port whatever its host name, so <c>{tenant}.localhost</c> needs no DNS, and the Host header
/// still names the site. Redirects are not followed; cookies are kept per host name (host-only, as
/// every cookie this app sets is).
/// </summary>
internal sealed partial class PortalClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, Dictionary<string, string>> _cookies = new(StringComparer.OrdinalIgnoreCase);

    public PortalClient(int port, TimeSpan? timeout = null)
    {
        Port = port;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    /// <summary>The absolute URL of <paramref name="path"/> on site <paramref name="host"/> (e.g. <c>localhost</c>, <c>acme.localhost</c>).</summary>
    public string Url(string host, string path) => $"http://{host}:{Port}{path}";

    public async Task<HttpResponseMessage> GetAsync(string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(request, cancellationToken);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request, cancellationToken);
    }

    /// <summary>The response body, read in full (a browser would read it too).</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadAsStringAsync(cancellationToken);

    /// <summary>The first antiforgery token in a page, or null.</summary>
    public static string? AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri!.Host;
        if (_cookies.TryGetValue(host, out var jar) && jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            jar ??= _cookies[host] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
                    if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        jar.Remove(name);
                    }
                    else
                    {
                        jar[name] = value;
                    }
                }
            }
        }

        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
