import ComingSoonPage from '../../../app/components/ComingSoonPage';

export default function MeetingsPage() {
  return <ComingSoonPage section="meetings" />;
}
