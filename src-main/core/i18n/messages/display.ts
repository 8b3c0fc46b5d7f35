/** Words of the situation display (the projector). */
import { defineMessages } from '../define.ts';

export const displayMessages = defineMessages(
  {
    'display.clock-live': 'Real time',
    'display.alert-level': 'Crisis alert level',
    'display.headquarters': 'Headquarters active',
    'display.no-headquarters': 'None activated',
    'display.cascade': 'Service status',
    'display.no-services': 'This scenario has no service board.',
    'display.users': '{users} users',
    'display.users-affected': '{users} users affected',
    'display.public-feed': 'Public information',
    'display.no-public': 'Nothing public has been released yet.',
  },
  {
    'display.clock-live': '실시간',
    'display.alert-level': '위기경보 수준',
    'display.headquarters': '가동 중인 대책본부',
    'display.no-headquarters': '가동된 본부 없음',
    'display.cascade': '서비스 현황',
    'display.no-services': '이 시나리오에는 서비스 현황판이 없습니다.',
    'display.users': '이용자 {users}명',
    'display.users-affected': '이용자 {users}명 영향',
    'display.public-feed': '공개 정보',
    'display.no-public': '아직 공개된 정보가 없습니다.',
  },
);
