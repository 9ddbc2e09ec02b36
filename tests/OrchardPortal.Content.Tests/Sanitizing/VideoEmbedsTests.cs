using OrchardPortal.Content.Sanitizing;

namespace OrchardPortal.Content.Tests.Sanitizing;

public sealed class VideoEmbedsTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL123&t=1m5s", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=65")]
    [InlineData("http://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?t=30", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1&origin=https://evil.example", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("  https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ  ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1")]
    [InlineData("https://vimeo.com/76979871/abc123def4", "https://player.vimeo.com/video/76979871?dnt=1&h=abc123def4")]
    [InlineData("https://vimeo.com/channels/staffpicks/76979871", "https://player.vimeo.com/video/76979871?dnt=1")]
    [InlineData("https://player.vimeo.com/video/76979871?h=abc123def4&autoplay=1", "https://player.vimeo.com/video/76979871?dnt=1&h=abc123def4")]
    public void Youtube_and_vimeo_links_become_privacy_friendly_embed_urls(string url, string embed)
    {
        Assert.Equal(embed, VideoEmbeds.TryNormalize(url)?.EmbedUrl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)//https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=short")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onload=\"x")]
    [InlineData("https://www.youtube.com/channel/UC123")]
    [InlineData("ftp://youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/about")]
    [InlineData("https://player.vimeo.com/video/abc")]
    [InlineData("https://dailymotion.com/video/x7tgad0")]
    public void Anything_else_is_not_a_video(string url)
    {
        Assert.Null(VideoEmbeds.TryNormalize(url));
    }
}
