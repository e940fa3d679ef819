import { Button, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../app/api/client';
import DoorCheckInCard from './DoorCheckInCard';
import { useDoorCheckIn } from './door.api';
import { td } from './door.i18n';

/** What the QR code at the door opens: the delegate is checked in at once with its code. */
export default function DoorCheckInPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const checkIn = useDoorCheckIn(id);
  const sent = useRef(false);
  const { mutate } = checkIn;
  useEffect(() => {
    if (sent.current || !code) return;
    sent.current = true;
    mutate(code);
  }, [code, mutate]);

  const back = (
    <Link to={`/meetings/${encodeURIComponent(id)}`}>
      <Button type="primary" size="large">
        {td.back}
      </Button>
    </Link>
  );
  if (!code)
    return (
      <>
        <Result status="info" title={td.noCode} extra={back} />
        <DoorCheckInCard meetingId={id} />
      </>
    );
  if (checkIn.isSuccess)
    return (
      <Result
        status="success"
        title={td.done}
        subTitle={checkIn.data.already ? td.already : undefined}
        extra={back}
        data-presence="present"
      />
    );
  if (checkIn.isError)
    return (
      <>
        <Result status="warning" title={td.failed} subTitle={errorMessage(checkIn.error)} extra={back} />
        <DoorCheckInCard meetingId={id} />
      </>
    );
  return <Result icon={<Spin size="large" />} title={td.checking} />;
}
