/**
 * Words of the scores and their explanations (formulas in docs/scoring.md).
 *
 * Parameters named cell, option, point, inject, task, target, objective, service, metric and anchor
 * carry scenario ids (a renderer may swap them for localised names before translating); times are
 * T+hh:mm, durations 1h30m, scores and shares plain numbers, "–" where a number is missing.
 * The Korean follows the report's terms: 핵심 과업 (critical task), 역량 목표 (capability target),
 * 상황 메시지 (inject), 결정 사항 (decision point), 평가관 (evaluator).
 */
import { defineMessages } from '../define.ts';

export const scoringMessages = defineMessages(
  {
    'scoring.title': 'Scores',
    'scoring.component.timeliness': 'Task timeliness',
    'scoring.component.decisions': 'Decision quality',
    'scoring.component.responsiveness': 'Responsiveness',
    'scoring.component.outcome': 'Outcome',
    'scoring.component.ratings': 'Evaluator ratings',
    'scoring.decision-outcome.decided': 'Decided',
    'scoring.decision-outcome.expired': 'Expired (default applied)',
    'scoring.decision-outcome.open': 'Open',
    'scoring.decision-outcome.not-reached': 'Not reached',

    'scoring.task.on-time': 'Done at {done}, inside its window ({window} from {opens}, due {due}): 100.',
    'scoring.task.late':
      'Done at {done}, {late} after it was due ({due}; window {window}). Late work loses points linearly, from 100 at the due time to 0 at {zeroAfter} past it.',
    'scoring.task.missed': 'Not done by EndEx: it was due at {due} ({window} from {opens}). Score 0.',
    'scoring.task.pending': 'Not done yet, and its window is open until {due}: not scored yet.',
    'scoring.task.overdue':
      'Not done yet, {late} past its due time {due} (now {now}). Scored as if done now; it reaches 0 at {zeroAfter} past due.',
    'scoring.task.cut-short': 'Not done, but the exercise ended at {now}, before its window closed at {due}: not scored.',
    'scoring.task.not-due': 'Not scored: its window opens with {anchor}, which never happened.',
    'scoring.task.not-due-done': 'Not scored: done at {done}, but its window (opened by {anchor}) never opened.',

    'scoring.decision.decided': '{cell} chose "{option}" at {at} (due {due}). Its doctrine score is {score} (best option: {best}).',
    'scoring.decision.expired':
      'The cells did not decide by {due}; the default "{option}" was applied. Its doctrine score, {score}, counts (best option: {best}).',
    'scoring.decision.open': 'Still open (released {opened}, due {due}): not scored yet.',
    'scoring.decision.cut-short': 'The exercise ended before its due time {due} with no decision recorded: not scored.',
    'scoring.decision.reopened':
      'Reopened by a correction after its due time {due}; it waits for the facilitator to record the decision: not scored yet.',
    'scoring.decision.not-reached': 'Its inject {inject} was never released, so the decision never came up: not scored.',
    'scoring.decision.cancelled': 'Its inject {inject} was cancelled when {by} took "{option}", so the decision never came up: not scored.',

    'scoring.responsiveness.score':
      'Responded to {responded} of {received} injects addressed to it: median {median}, 90th percentile {p90}, so speed {speed} (100 up to {full}, 0 from {zero}). {answered} of the {calls} injects that called on it (expected one of its critical tasks or put a decision to it) were answered, by it or by a cell sharing the task or decision: coverage {coverage}%. Score = speed × coverage.',
    'scoring.responsiveness.speed-only':
      'Responded to {responded} of {received} injects addressed to it: median {median}, 90th percentile {p90}, so speed {speed} (100 up to {full}, 0 from {zero}). No inject called on it for a task or a decision, so the speed is the score.',
    'scoring.responsiveness.silent':
      'No response to any inject that called on it (calls: {calls}; an inject calls on a cell when it expects one of its critical tasks or puts a decision to it): 0.',
    'scoring.responsiveness.covered':
      'It never responded itself, but cells sharing its tasks and decisions did all {answered} of the {calls} things asked of it: nothing to time, not scored.',
    'scoring.responsiveness.none': 'No inject called on this cell and it has not responded to any ({received} addressed to it, {waiting} calls still waiting): not scored.',

    'scoring.outcome.score':
      '{lost} user-hours lost against {baseline} with no response, by {horizon} (ratio {ratio}): services {services}. Mean of {count} metrics against the no-response run: {metrics}. Outcome = mean of the two (50 = no different from no response).',
    'scoring.outcome.service':
      '{lost} user-hours lost ({users} users); {baseline} with no response. Time to restore: {restore}.',
    'scoring.outcome.metric':
      'Ended at {value}; {baseline} with no response. 50 at the no-response value, 100 at the best bound {best}, 0 at the worst bound {worst}.',
    'scoring.outcome.not-started': 'The exercise has not started: no outcome yet.',

    'scoring.agreement.target': '{raters} evaluators rated this target: {agreeing} of {pairs} pairs of ratings agree ({percent}%).',
    'scoring.agreement.cohen':
      'Two evaluators rated the same {targets} targets: they agree on {percent}%. Cohen’s kappa {kappa} (observed {observed}, expected by chance {chance}).',
    'scoring.agreement.fleiss':
      '{raters} evaluators rated {targets} targets in common: {agreeing} of {pairs} pairs agree ({percent}%). Fleiss’ kappa {kappa} (observed {observed}, expected by chance {chance}).',
    'scoring.agreement.kappa-undefined':
      '{agreeing} of {pairs} pairs of ratings agree ({percent}%) over {targets} targets. Kappa is undefined here (fewer than two targets, or every rating in one category).',

    'scoring.suggest.rating':
      'Mean of the scores of this target’s tasks and of the decisions that complete them (scores: {count}): {mean}. P from 85, S from 65, M from 40, else U: {rating}.',
    'scoring.suggest.capped':
      'Mean of the scores of this target’s tasks and of the decisions that complete them (scores: {count}): {mean}; but critical tasks were never done ({missed}), so the suggestion is at most M: {rating}.',
    'scoring.suggest.none': 'None of this target’s tasks (tasks: {tasks}) or their decisions has been scored yet: N/A.',

    'scoring.rollup.objective':
      'Weighted mean of timeliness {timeliness} (tasks: {tasks}), decision quality {decisions} (decision points: {points}) and evaluator ratings {ratings} (targets rated: {rated}).',
    'scoring.rollup.cell':
      'Weighted mean of timeliness {timeliness} (tasks: {tasks}), decision quality {decisions} (decision points: {points}) and responsiveness {responsiveness}.',
    'scoring.rollup.exercise':
      'Weighted mean of timeliness {timeliness}, decision quality {decisions} and evaluator ratings {ratings} (each across {objectives} objectives by their weights), responsiveness {responsiveness} (mean over cells) and outcome {outcome}.',
    'scoring.rollup.empty': 'Nothing here has been scored yet.',
  },
  {
    'scoring.title': '점수',
    'scoring.component.timeliness': '과업 적시성',
    'scoring.component.decisions': '결정의 질',
    'scoring.component.responsiveness': '대응 속도',
    'scoring.component.outcome': '결과',
    'scoring.component.ratings': '평가관 등급',
    'scoring.decision-outcome.decided': '결정함',
    'scoring.decision-outcome.expired': '시한 경과(기본값 적용)',
    'scoring.decision-outcome.open': '결정 대기',
    'scoring.decision-outcome.not-reached': '도달하지 않음',

    'scoring.task.on-time': '{done}에 완료했습니다. 수행 시한({opens}부터 {window}, 마감 {due}) 안이므로 100점입니다.',
    'scoring.task.late':
      '{done}에 완료해 마감({due})보다 {late} 늦었습니다(수행 시한 {window}). 늦게 완료하면 마감 시각의 100점에서 마감 후 {zeroAfter} 시점의 0점까지 직선으로 감점합니다.',
    'scoring.task.missed': '훈련 종료까지 완료하지 못해 0점입니다(수행 시한: {opens}부터 {window}, 마감 {due}).',
    'scoring.task.pending': '아직 완료하지 않았고 수행 시한이 {due}까지 남아 있어 아직 채점하지 않습니다.',
    'scoring.task.overdue':
      '아직 완료하지 않았으며 마감({due})을 {late} 넘겼습니다(현재 {now}). 지금 완료한 것으로 보고 채점하며, 마감 후 {zeroAfter}에 0점이 됩니다.',
    'scoring.task.cut-short': '완료하지 않았지만 수행 시한이 끝나는 {due} 전인 {now}에 훈련이 종료되어 채점하지 않습니다.',
    'scoring.task.not-due': '채점하지 않습니다. 수행 시한은 {anchor} 시점에 시작되는데, 그 일이 일어나지 않았습니다.',
    'scoring.task.not-due-done': '채점하지 않습니다. {done}에 완료했지만 수행 시한({anchor} 시점에 시작)이 열리지 않았습니다.',

    'scoring.decision.decided': '{cell}이(가) {at}에 "{option}"을(를) 선택했습니다(마감 {due}). 교리 점수는 {score}점입니다(최선의 선택지: {best}점).',
    'scoring.decision.expired':
      '{due}까지 셀이 결정하지 않아 기본값 "{option}"이(가) 적용되었습니다. 그 교리 점수 {score}점을 반영합니다(최선의 선택지: {best}점).',
    'scoring.decision.open': '아직 결정 대기 중입니다({opened} 부여, 마감 {due}). 아직 채점하지 않습니다.',
    'scoring.decision.cut-short': '마감({due}) 전에 훈련이 종료되었고 기록된 결정이 없어 채점하지 않습니다.',
    'scoring.decision.reopened':
      '마감({due}) 후 정정으로 결정이 다시 열렸으며, 진행자가 결정을 기록하기를 기다리고 있습니다. 아직 채점하지 않습니다.',
    'scoring.decision.not-reached': '상황 메시지 {inject}이(가) 부여되지 않아 결정 사항이 제기되지 않았습니다. 채점하지 않습니다.',
    'scoring.decision.cancelled': '{by}에서 "{option}"을(를) 택해 상황 메시지 {inject}이(가) 취소되었으므로 결정 사항이 제기되지 않았습니다. 채점하지 않습니다.',

    'scoring.responsiveness.score':
      '이 셀 앞으로 부여된 상황 메시지 {received}건 중 {responded}건에 대응했습니다. 대응 시간 중앙값은 {median}, 90번째 백분위수는 {p90}이며 속도 점수는 {speed}점입니다({full}까지 100점, {zero}부터 0점). 이 셀에 대응을 요구한 상황 메시지(이 셀의 핵심 과업을 기대하거나 결정 사항을 제시한 것) {calls}건 중 {answered}건을 이 셀이나 과업·결정을 함께 맡은 셀이 처리해 응답률은 {coverage}%입니다. 점수 = 속도 점수 × 응답률.',
    'scoring.responsiveness.speed-only':
      '이 셀 앞으로 부여된 상황 메시지 {received}건 중 {responded}건에 대응했습니다. 대응 시간 중앙값은 {median}, 90번째 백분위수는 {p90}이며 속도 점수는 {speed}점입니다({full}까지 100점, {zero}부터 0점). 이 셀에 과업이나 결정을 요구한 상황 메시지가 없어 속도 점수를 그대로 점수로 씁니다.',
    'scoring.responsiveness.silent':
      '이 셀에 대응을 요구한 상황 메시지(이 셀의 핵심 과업을 기대하거나 결정 사항을 제시한 것) {calls}건 중 어느 것에도 응답하지 않아 0점입니다.',
    'scoring.responsiveness.covered':
      '이 셀이 직접 대응한 기록은 없지만, 과업·결정을 함께 맡은 셀이 요구된 {calls}건 중 {answered}건을 모두 처리했습니다. 잴 대응 시간이 없어 채점하지 않습니다.',
    'scoring.responsiveness.none': '이 셀에 대응을 요구한 상황 메시지가 없고 대응한 것도 없습니다(앞으로 부여된 것 {received}건, 응답 대기 {waiting}건). 채점하지 않습니다.',

    'scoring.outcome.score':
      '{horizon}까지 이용자 피해는 {lost} 이용자·시간으로, 무대응 시의 {baseline} 이용자·시간과 비교됩니다(비율 {ratio}). 서비스 점수 {services}점, 무대응 시와 비교한 지표 {count}개의 평균 {metrics}점입니다. 결과 점수는 두 점수의 평균입니다(50점 = 무대응과 차이 없음).',
    'scoring.outcome.service':
      '{lost} 이용자·시간의 피해가 발생했습니다(이용자 {users}명). 무대응 시에는 {baseline} 이용자·시간입니다. 복구 소요 시간: {restore}.',
    'scoring.outcome.metric':
      '최종값 {value}, 무대응 시 {baseline}입니다. 무대응 시의 값에서 50점, 가장 좋은 경계값 {best}에서 100점, 가장 나쁜 경계값 {worst}에서 0점입니다.',
    'scoring.outcome.not-started': '훈련이 시작되지 않아 아직 결과가 없습니다.',

    'scoring.agreement.target': '평가관 {raters}명이 이 목표를 평가했습니다. {pairs}쌍 중 {agreeing}쌍이 일치합니다({percent}%).',
    'scoring.agreement.cohen':
      '평가관 2명이 같은 목표 {targets}개를 평가해 {percent}% 일치했습니다. 코헨 카파 {kappa}(관측 일치도 {observed}, 우연 기대 일치도 {chance}).',
    'scoring.agreement.fleiss':
      '평가관 {raters}명이 공통으로 목표 {targets}개를 평가했습니다. {pairs}쌍 중 {agreeing}쌍이 일치합니다({percent}%). 플라이스 카파 {kappa}(관측 일치도 {observed}, 우연 기대 일치도 {chance}).',
    'scoring.agreement.kappa-undefined':
      '목표 {targets}개에 대한 평가 {pairs}쌍 중 {agreeing}쌍이 일치합니다({percent}%). 목표가 2개 미만이거나 모든 등급이 한 범주에 몰려 카파는 정의되지 않습니다.',

    'scoring.suggest.rating':
      '이 목표의 핵심 과업과 이를 완료하는 결정의 점수 {count}개 평균은 {mean}점입니다. 85점 이상 P, 65점 이상 S, 40점 이상 M, 그 밖에는 U이므로 {rating}입니다.',
    'scoring.suggest.capped':
      '이 목표의 핵심 과업과 이를 완료하는 결정의 점수 {count}개 평균은 {mean}점이지만, 완료하지 못한 핵심 과업이 {missed}개 있어 제안 등급은 M을 넘지 않습니다: {rating}.',
    'scoring.suggest.none': '이 목표의 핵심 과업 {tasks}개와 관련 결정 중 아직 채점된 것이 없습니다: N/A.',

    'scoring.rollup.objective':
      '과업 적시성 {timeliness}점(과업 {tasks}개), 결정의 질 {decisions}점(결정 {points}건), 평가관 등급 {ratings}점(평가된 목표 {rated}개)의 가중 평균입니다.',
    'scoring.rollup.cell':
      '과업 적시성 {timeliness}점(과업 {tasks}개), 결정의 질 {decisions}점(결정 {points}건), 대응 속도 {responsiveness}점의 가중 평균입니다.',
    'scoring.rollup.exercise':
      '과업 적시성 {timeliness}점, 결정의 질 {decisions}점, 평가관 등급 {ratings}점(각각 목표 {objectives}개를 가중치로 평균), 대응 속도 {responsiveness}점(셀 평균), 결과 {outcome}점의 가중 평균입니다.',
    'scoring.rollup.empty': '아직 채점된 항목이 없습니다.',
  },
);
