using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using NewsGraph.Ingestion.Sources.Following;

namespace NewsGraph.Ingestion.Tests.Sources.Following;

public sealed class PoliteHttpTests
{
    [Fact]
    public async Task SendAsync_TwiceToOneHost_WaitsThePerHostDelayButNotForAnotherHost()
    {
        var time = new FakeTimeProvider();
        using var handler = new RecordingHandler();
        using var http = new PoliteHttp(new FollowOptions { PerHostDelay = TimeSpan.FromSeconds(5), UserAgent = "NewsGraphTest/2.0" }, time, handler);

        using HttpResponseMessage first = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://a.example/1"), CancellationToken.None);
        Task<HttpResponseMessage> second = http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://a.example/2"), CancellationToken.None);
        using HttpResponseMessage other = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://b.example/1"), CancellationToken.None);

        Assert.Equal(["http://a.example/1", "http://b.example/1"], handler.Seen.Select(s => s.Url));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        using HttpResponseMessage secondResponse = await second;

        Assert.Equal(["http://a.example/1", "http://b.example/1", "http://a.example/2"], handler.Seen.Select(s => s.Url));
        Assert.All(handler.Seen, s => Assert.Equal("NewsGraphTest/2.0", s.UserAgent));
    }

    [Fact]
    public async Task SendAsync_BeyondMaxConcurrentRequests_WaitsForASlot()
    {
        using var handler = new RecordingHandler { Hold = new TaskCompletionSource() };
        using var http = new PoliteHttp(new FollowOptions { PerHostDelay = TimeSpan.Zero, MaxConcurrentRequests = 1 }, TimeProvider.System, handler);

        Task<HttpResponseMessage> first = http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://a.example/1"), CancellationToken.None);
        Task<HttpResponseMessage> second = http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://b.example/1"), CancellationToken.None);
        await handler.Started.Task;

        Assert.Equal(["http://a.example/1"], handler.Seen.Select(s => s.Url));
        handler.Hold.SetResult();
        (await first).Dispose();
        (await second).Dispose();
        Assert.Equal(["http://a.example/1", "http://b.example/1"], handler.Seen.Select(s => s.Url));
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly ConcurrentQueue<(string Url, string UserAgent)> _seen = new();

        public IEnumerable<(string Url, string UserAgent)> Seen => _seen;

        /// <summary>When set, requests are answered only once it completes.</summary>
        public TaskCompletionSource? Hold { get; init; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _seen.Enqueue((request.RequestUri!.AbsoluteUri, request.Headers.UserAgent.ToString()));
            Started.TrySetResult();
            if (Hold is not null)
            {
                await Hold.Task.WaitAsync(cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") };
        }
    }
}
