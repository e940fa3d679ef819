import ComingSoonPage from '../../../app/components/ComingSoonPage';

export default function ScheduleEditorPage() {
  return <ComingSoonPage section="schedule" />;
}
