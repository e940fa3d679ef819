import ComingSoonPage from '../../../app/components/ComingSoonPage';

export default function MyMeetingsPage() {
  return <ComingSoonPage section="meetings" />;
}
