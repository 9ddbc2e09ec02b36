// The home-page editor: TipTap (ProseMirror) over the page's <textarea>. Without JavaScript the
// textarea itself still works; with it, the textarea is hidden and kept in sync for the form post.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { VideoEmbed, toEmbedUrl } from './video.js';
import { uploadImage } from './upload.js';

const BUTTONS = [
  { label: 'Heading', title: 'Heading', run: (c) => c.toggleHeading({ level: 2 }), active: (e) => e.isActive('heading', { level: 2 }) },
  { label: 'Subheading', title: 'Subheading', run: (c) => c.toggleHeading({ level: 3 }), active: (e) => e.isActive('heading', { level: 3 }) },
  { label: 'Bold', title: 'Bold (Ctrl+B)', run: (c) => c.toggleBold(), active: (e) => e.isActive('bold') },
  { label: 'Italic', title: 'Italic (Ctrl+I)', run: (c) => c.toggleItalic(), active: (e) => e.isActive('italic') },
  { label: 'Bulleted list', title: 'Bulleted list', run: (c) => c.toggleBulletList(), active: (e) => e.isActive('bulletList') },
  { label: 'Numbered list', title: 'Numbered list', run: (c) => c.toggleOrderedList(), active: (e) => e.isActive('orderedList') },
  { label: 'Link', title: 'Add or remove a link', action: 'link', active: (e) => e.isActive('link') },
  { label: 'Image', title: 'Insert a picture', action: 'image' },
  { label: 'Video', title: 'Insert a YouTube or Vimeo video', action: 'video' },
  { label: 'Undo', title: 'Undo (Ctrl+Z)', run: (c) => c.undo() },
  { label: 'Redo', title: 'Redo (Ctrl+Shift+Z)', run: (c) => c.redo() },
];

function safeLink(text) {
  const url = text.trim();
  if (url === '') {
    return '';
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (!scheme) {
    return url.includes('.') && !url.startsWith('/') && !url.startsWith('#') ? `https://${url}` : url;
  }
  return ['http', 'https', 'mailto', 'tel'].includes(scheme[1].toLowerCase()) ? url : null;
}

function setUp(textarea) {
  const form = textarea.form;
  const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value || '';
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  const wrapper = document.createElement('div');
  wrapper.className = 'rich-editor';
  const toolbar = document.createElement('div');
  toolbar.className = 'rich-editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Formatting');
  const surface = document.createElement('div');
  surface.className = 'rich-editor-surface';
  const message = document.createElement('p');
  message.className = 'rich-editor-message';
  message.setAttribute('role', 'status');
  message.id = `${textarea.id}-editor-message`;
  wrapper.append(toolbar, surface, message);
  textarea.after(wrapper);
  textarea.hidden = true;

  const say = (text, isError) => {
    message.textContent = text;
    message.classList.toggle('is-error', Boolean(isError));
  };
  let dirty = false;
  let submitting = false;

  const editor = new Editor({
    element: surface,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        link: { openOnClick: false, autolink: true, HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer' } },
      }),
      Image.configure({ allowBase64: false }),
      VideoEmbed,
    ],
    content: textarea.value,
    editorProps: {
      attributes: {
        class: 'rich-editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': label?.id || '',
        'aria-describedby': `${textarea.getAttribute('aria-describedby') || ''} ${message.id}`.trim(),
      },
      handleDrop: (view, event) => insertFiles(event.dataTransfer?.files),
      handlePaste: (view, event) => insertFiles(event.clipboardData?.files),
    },
    onUpdate: ({ editor: e }) => {
      textarea.value = e.isEmpty ? '' : e.getHTML();
      dirty = true;
    },
    onSelectionUpdate: () => refresh(),
    onTransaction: () => refresh(),
  });

  // Inserting while a picture or video is selected would replace it; put the new block after it instead.
  function insertBlock(content) {
    const { selection } = editor.state;
    const chain = editor.chain().focus();
    (selection.node ? chain.insertContentAt(selection.to, content) : chain.insertContent(content)).run();
  }

  function insertFiles(files) {
    const images = Array.from(files || []).filter((f) => f.type.startsWith('image/'));
    if (images.length === 0) {
      return false;
    }
    images.forEach((file) => insertImage(file));
    return true;
  }

  async function insertImage(file) {
    say(`Uploading ${file.name}…`);
    const result = await uploadImage(textarea.dataset.uploadUrl, token, file);
    if (result.error) {
      say(result.error, true);
      return;
    }
    const alt = window.prompt('Describe the picture for people who can’t see it (leave empty if it is only decoration):', '') ?? '';
    insertBlock({ type: 'image', attrs: { src: result.url, alt, width: result.width, height: result.height } });
    say(`${file.name} inserted.`);
  }

  const actions = {
    link: () => {
      const current = editor.getAttributes('link').href || '';
      const answer = window.prompt('Link address (for example https://example.com or mailto:office@example.com). Leave empty to remove the link.', current);
      if (answer === null) {
        return;
      }
      const href = safeLink(answer);
      if (href === null) {
        say('Links must start with https://, http://, mailto: or tel:.', true);
      } else if (href === '') {
        editor.chain().focus().extendMarkRange('link').unsetLink().run();
      } else {
        editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
      }
    },
    image: () => picker.click(),
    video: () => {
      const answer = window.prompt('Paste the link of a YouTube or Vimeo video:', '');
      if (answer === null || answer.trim() === '') {
        return;
      }
      const src = toEmbedUrl(answer);
      if (!src) {
        say('That isn’t a YouTube or Vimeo link. Copy the address of the video page and try again.', true);
        return;
      }
      insertBlock({ type: 'videoEmbed', attrs: { src } });
      say('Video inserted.');
    },
  };

  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = 'image/png,image/jpeg,image/gif,image/webp,image/svg+xml';
  picker.hidden = true;
  picker.addEventListener('change', () => {
    if (picker.files?.[0]) {
      insertImage(picker.files[0]);
    }
    picker.value = '';
  });
  wrapper.append(picker);

  const buttons = BUTTONS.map((spec) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'rich-editor-button';
    button.textContent = spec.label;
    button.title = spec.title;
    if (spec.active) {
      button.setAttribute('aria-pressed', 'false');
    }
    button.addEventListener('click', () => {
      if (spec.action) {
        actions[spec.action]();
      } else {
        spec.run(editor.chain().focus()).run();
      }
    });
    toolbar.append(button);
    return { spec, button };
  });

  function refresh() {
    buttons.forEach(({ spec, button }) => {
      if (spec.active) {
        button.setAttribute('aria-pressed', String(spec.active(editor)));
      }
    });
  }

  label?.addEventListener('click', (event) => {
    event.preventDefault();
    editor.commands.focus();
  });
  form.addEventListener('submit', () => {
    textarea.value = editor.isEmpty ? '' : editor.getHTML();
    submitting = true;
    // "Preview" opens a new tab; this page stays, and its text is saved now.
    setTimeout(() => { submitting = false; dirty = false; }, 0);
  });
  window.addEventListener('beforeunload', (event) => {
    if (dirty && !submitting) {
      event.preventDefault();
    }
  });
  refresh();
}

document.querySelectorAll('textarea[data-home-editor]').forEach(setUp);
