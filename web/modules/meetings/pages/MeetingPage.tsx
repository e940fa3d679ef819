import ComingSoonPage from '../../../app/components/ComingSoonPage';

export default function MeetingPage() {
  return <ComingSoonPage section="meetings" />;
}
