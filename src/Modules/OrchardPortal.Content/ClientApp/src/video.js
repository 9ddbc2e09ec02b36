import { Node } from '@tiptap/core';

// Mirrors the server's VideoEmbeds (which is authoritative: it rebuilds every iframe on save) so
// the editor can show a video as soon as a link is pasted.
export function toEmbedUrl(text) {
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  const youtube = (id) => (/^[A-Za-z0-9_-]{11}$/.test(id || '') ? `https://www.youtube-nocookie.com/embed/${id}` : null);
  const vimeo = (id, hash) => (/^[0-9]{1,12}$/.test(id || '')
    ? `https://player.vimeo.com/video/${id}?dnt=1${/^[0-9a-f]{6,20}$/.test(hash || '') ? `&h=${hash}` : ''}`
    : null);
  if (host === 'youtu.be') {
    return youtube(parts[0]);
  }
  if (['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com'].includes(host)) {
    if (parts[0] === 'watch') {
      return youtube(url.searchParams.get('v'));
    }
    return ['embed', 'shorts', 'live', 'v'].includes(parts[0]) ? youtube(parts[1]) : null;
  }
  if (host === 'vimeo.com' || host === 'www.vimeo.com') {
    const id = parts.find((p) => /^[0-9]+$/.test(p));
    const hash = parts.length === 2 && parts[0] === id ? parts[1] : url.searchParams.get('h');
    return vimeo(id, hash);
  }
  if (host === 'player.vimeo.com' && parts[0] === 'video') {
    return vimeo(parts[1], url.searchParams.get('h'));
  }
  return null;
}

// A block holding one YouTube/Vimeo player, saved as <div class="video-embed"><iframe …></div>.
export const VideoEmbed = Node.create({
  name: 'videoEmbed',
  group: 'block',
  atom: true,
  draggable: true,

  addAttributes() {
    return { src: { default: null }, title: { default: null } };
  },

  parseHTML() {
    const fromFrame = (frame) => (frame && toEmbedUrl(frame.getAttribute('src') || '')
      ? { src: frame.getAttribute('src'), title: frame.getAttribute('title') }
      : false);
    return [
      { tag: 'div.video-embed', getAttrs: (el) => fromFrame(el.querySelector('iframe')) },
      { tag: 'iframe[src]', getAttrs: (el) => fromFrame(el) },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', { class: 'video-embed' }, ['iframe', {
      src: HTMLAttributes.src,
      title: HTMLAttributes.title || 'Video',
      width: '560',
      height: '315',
      loading: 'lazy',
      allowfullscreen: 'true',
    }]];
  },

  addCommands() {
    return {
      setVideo: (attrs) => ({ commands }) => commands.insertContent({ type: this.name, attrs }),
    };
  },
});
