import DocumentListPage from './DocumentListPage';

export default function IncomingPage() {
  return <DocumentListPage direction="incoming" />;
}
