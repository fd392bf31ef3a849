/** The preview's webview panel type, as package.json's activation events and the serializer name it. */
export const previewViewType = 'postcraft.preview';
