import { DefaultLangiumDocumentFactory } from 'langium';
const original = DefaultLangiumDocumentFactory.prototype.update;
(DefaultLangiumDocumentFactory.prototype as any).update = async function (this: any, document: any, token: any) {
  const textDocument = this.textDocuments?.get(document.uri.toString());
  const oldText = document.parseResult.value.$cstNode?.root.fullText;
  if (process.env.RELEASE && textDocument && oldText !== undefined && textDocument.getText() !== oldText) {
    const empty = this.parse(document.uri, '');
    empty.value.$document = document;
    document.parseResult = empty;
  }
  return original.call(this, document, token);
};
await import('../../server/src/cli/main.ts');
