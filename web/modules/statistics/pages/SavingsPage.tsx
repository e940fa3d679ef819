import ComingSoonPage from '../../../app/components/ComingSoonPage';

export default function SavingsPage() {
  return <ComingSoonPage section="statistics" />;
}
