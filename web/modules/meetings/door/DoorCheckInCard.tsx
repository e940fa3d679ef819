import { CameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../app/api/client';
import { codeFromScan, useDoorCheckIn } from './door.api';
import { td } from './door.i18n';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

/** The camera reads codes only in a secure context (https) with a browser that detects them. */
function scannerClass(): DetectorClass | null {
  const w = window as unknown as { BarcodeDetector?: DetectorClass };
  if (!window.isSecureContext || !w.BarcodeDetector || !navigator.mediaDevices?.getUserMedia) return null;
  return w.BarcodeDetector;
}

/** The camera, reading until it sees a code; what it saw goes to `onCode`. */
function Scanner({ onCode, onFail }: { onCode: (code: string) => void; onFail: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const Detector = scannerClass();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    const look = async () => {
      if (stopped || !video.current) return;
      try {
        const found = await detector.detect(video.current);
        const text = found[0]?.rawValue;
        if (text) {
          onCode(codeFromScan(text));
          return;
        }
      } catch {
        // A frame not ready yet: look again.
      }
      window.setTimeout(look, 300);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        void look();
      })
      .catch(onFail);
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode, onFail]);
  return <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} />;
}

/** The delegate's check-in with the code at the door: scanned when the phone can, typed otherwise. */
export default function DoorCheckInCard({ meetingId }: { meetingId: string }) {
  const { message } = App.useApp();
  const checkIn = useDoorCheckIn(meetingId);
  const [form] = Form.useForm<{ code: string }>();
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canScan = scannerClass() !== null;

  const submit = (code: string) => {
    setError(null);
    checkIn.mutate(code, {
      onSuccess: (result) => {
        form.resetFields();
        void message.success(result.already ? td.already : td.done);
      },
      onError: (cause) => setError(errorMessage(cause)),
    });
  };

  return (
    <Card size="small" title={td.card} className="vp-door-check-in">
      <Flex vertical gap={12}>
        {canScan ? (
          <Button size="large" block icon={<CameraOutlined />} onClick={() => setScanning(true)}>
            {td.scan}
          </Button>
        ) : null}
        <Typography.Text type="secondary">{td.cardHint}</Typography.Text>
        <Form form={form} layout="inline" onFinish={(v) => submit(v.code)} data-enter-submits style={{ rowGap: 8 }}>
          <Form.Item name="code" rules={[{ required: true, whitespace: true, message: td.cardHint }]} noStyle>
            <Input
              aria-label={td.field}
              placeholder={td.field}
              size="large"
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={12}
              style={{ width: 180, fontFamily: 'monospace', letterSpacing: '0.1em', marginRight: 8 }}
            />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" loading={checkIn.isPending}>
            {td.submit}
          </Button>
        </Form>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
      <Modal open={scanning} title={td.scanTitle} footer={null} onCancel={() => setScanning(false)} destroyOnHidden>
        <Typography.Paragraph>{td.scanning}</Typography.Paragraph>
        {scanning ? (
          <Scanner
            onCode={(code) => {
              setScanning(false);
              submit(code);
            }}
            onFail={() => {
              setScanning(false);
              setError(td.cameraFailed);
            }}
          />
        ) : null}
      </Modal>
    </Card>
  );
}
