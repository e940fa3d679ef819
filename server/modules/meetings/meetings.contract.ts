export type MeetingsModule = ReturnType<typeof import('./meetings.module').createMeetingsModule>;
