/** 한국어 메시지. 영어 카탈로그와 키가 정확히 같아야 합니다 (타입으로 강제). */
import type { en } from './catalog-en.ts';

export const ko: Readonly<Record<keyof typeof en, string>> = {
  'app.name': '시트룸',
  'app.tagline': '국가 위기대응 태스크포스를 위한 토의형 연습',
  'exercise.banner': '연습 상황 연습 상황 연습 상황',
  'alert.none': '경보 미발령',
  'alert.interest': '관심',
  'alert.caution': '주의',
  'alert.alert': '경계',
  'alert.serious': '심각',
  'service.up': '정상',
  'service.degraded': '저하',
  'service.down': '중단',
  'rating.P': '문제없이 수행',
  'rating.S': '일부 문제 속 수행',
  'rating.M': '중대한 문제 속 수행',
  'rating.U': '수행 불가',
  'rating.N/A': '관찰되지 않음',
};
