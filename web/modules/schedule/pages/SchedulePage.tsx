import ComingSoonPage from '../../../app/components/ComingSoonPage';

export default function SchedulePage() {
  return <ComingSoonPage section="schedule" />;
}
