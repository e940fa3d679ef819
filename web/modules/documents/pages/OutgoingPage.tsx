import DocumentListPage from './DocumentListPage';

export default function OutgoingPage() {
  return <DocumentListPage direction="outgoing" />;
}
