// Sends one picture to the tenant's media and returns { url, width, height } or { error }.
const MAX_BYTES = 5 * 1024 * 1024;

export async function uploadImage(url, token, file) {
  if (file.size > MAX_BYTES) {
    return { error: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; pictures can be at most 5 MB. Make it smaller and try again.` };
  }
  const body = new FormData();
  body.append('file', file);
  body.append('__RequestVerificationToken', token);
  let response;
  try {
    response = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    return { error: 'The picture couldn’t be uploaded: check your connection and try again.' };
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    return { error: data.detail || 'The picture couldn’t be uploaded. Please try again.' };
  }
  return data;
}
