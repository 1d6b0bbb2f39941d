<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
  <context>
    <name>BackpropTools</name>
    <message>
      <location filename="../../nnstudio/gui/backprop/__init__.py" line="19" />
      <source>See &amp;Backpropagation…</source>
      <translation>역전파 보기(&amp;B)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/__init__.py" line="22" />
      <source>Step through one training step: forward, loss, backward, update</source>
      <translation>학습 한 단계를 차례로 따라가기: 순전파, 손실, 역전파, 갱신</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/__init__.py" line="25" />
      <source>&amp;Gradient Check…</source>
      <translation>기울기 검사(&amp;G)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/__init__.py" line="27" />
      <source>Compare backpropagation with numerical differentiation</source>
      <translation>역전파와 수치 미분을 비교합니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/__init__.py" line="30" />
      <source>Export fit() as &amp;NumPy Script…</source>
      <translation>fit()을 NumPy 스크립트로 내보내기(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/__init__.py" line="32" />
      <source>Write the training loop out by hand as a short NumPy program</source>
      <translation>학습 루프를 직접 쓴 짧은 NumPy 프로그램으로 저장합니다</translation>
    </message>
  </context>
  <context>
    <name>BackpropWindow</name>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="53" />
      <source>See Backpropagation</source>
      <translation>역전파 보기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="78" />
      <source>◀ Back</source>
      <translation>◀ 이전</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="79" />
      <source>Next ▶</source>
      <translation>다음 ▶</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="80" />
      <source>Apply step</source>
      <translation>단계 적용</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="83" />
      <source>Take this training step on the model (Enter): the same as Step batch</source>
      <translation>이 학습 단계를 모델에 적용합니다(Enter): 배치 한 단계와 똑같습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="96" />
      <source>Show:</source>
      <translation>보기:</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="112" />
      <source>Formula</source>
      <translation>수식</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="113" />
      <source>One neuron</source>
      <translation>뉴런 하나</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="165" />
      <source>The network has no layers yet: add a Dense layer first.</source>
      <translation>네트워크에 아직 층이 없습니다. 먼저 Dense 층을 추가하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="169" />
      <source>Choose a data set in the Data panel.</source>
      <translation>데이터 패널에서 데이터 세트를 고르세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="172" />
      <source>The step-through cannot start: {error}</source>
      <translation>단계별 보기를 시작할 수 없습니다: {error}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="177" />
      <source>This view draws networks whose layers are at most {limit} units wide; {layer} has {units}. Use Train ▸ Gradient Check for a network of any size.</source>
      <translation>이 보기는 층마다 유닛이 {limit}개 이하인 네트워크만 그립니다. {layer}에는 {units}개가 있습니다. 크기에 상관없이 쓰려면 학습 ▸ 기울기 검사를 사용하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="190" />
      <source>Whole batch ({n} samples)</source>
      <translation>배치 전체 (샘플 {n}개)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="192" />
      <source>Sample {k} (#{index})</source>
      <translation>샘플 {k} (#{index})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="230" />
      <source>A training run is open (running or paused): stop it to apply a step here.</source>
      <translation>학습이 진행 중이거나 일시정지 상태입니다. 여기서 단계를 적용하려면 학습을 멈추세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="268" />
      <source>Epoch {epoch}, batch {batch} of {steps}</source>
      <translation>에포크 {epoch}, 배치 {batch}/{steps}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="281" />
      <source>input</source>
      <translation>입력</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="349" />
      <source>Forward: {layer}</source>
      <translation>순전파: {layer}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="351" />
      <source>Backward: {layer}</source>
      <translation>역전파: {layer}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="352" />
      <source>Loss</source>
      <translation>손실</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="352" />
      <source>Update</source>
      <translation>갱신</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="352" />
      <source>Apply</source>
      <translation>적용</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="357" />
      <source>batch loss L = {loss}</source>
      <translation>배치 손실 L = {loss}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="359" />
      <source>Circles: z and a = f(z) ({which}); lines: the weights</source>
      <translation>원: z와 a = f(z) ({which}), 선: 가중치</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="365" />
      <source>Circles: δ = ∂L/∂z (summed over {which}); lines: ∂L/∂w, blue +, vermillion −, thicker = larger</source>
      <translation>원: δ = ∂L/∂z ({which}에 대한 합), 선: ∂L/∂w, 파랑 +, 주홍 −, 굵을수록 큼</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="370" />
      <source>Lines: the step Δw each weight takes; circles: Δb</source>
      <translation>선: 각 가중치가 움직이는 양 Δw, 원: Δb</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="371" />
      <source>Press Apply (Enter): the model takes exactly this step, as Step batch would.</source>
      <translation>적용(Enter)을 누르면 모델이 배치 한 단계와 똑같이 바로 이 단계를 밟습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="377" />
      <source>sample {k}</source>
      <translation>샘플 {k}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="378" />
      <source>the batch</source>
      <translation>배치 전체</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="392" />
      <source>Numbers of sample 1 of the batch (choose a sample above).</source>
      <translation>배치의 샘플 1의 값입니다 (위에서 샘플을 고르세요).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="422" />
      <source>&lt;p&gt;&lt;b&gt;Forward&lt;/b&gt;: each unit computes z = Σᵢ aᵢ·wᵢ + b, then a = f(z); the outputs of one layer are the inputs of the next.&lt;/p&gt;&lt;p&gt;Click a unit or a weight to see its numbers.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;순전파&lt;/b&gt;: 각 유닛은 z = Σᵢ aᵢ·wᵢ + b를 계산한 뒤 a = f(z)를 냅니다. 한 층의 출력이 다음 층의 입력입니다.&lt;/p&gt;&lt;p&gt;유닛이나 가중치를 클릭하면 그 숫자를 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="427" />
      <source>&lt;p&gt;&lt;b&gt;Backward&lt;/b&gt;: the error δ = ∂L/∂z flows from the loss back to the inputs by the chain rule: δⱼ = (Σₖ wⱼₖ·δₖ) · f′(zⱼ). Each weight's gradient is ∂L/∂wᵢⱼ = δⱼ · aᵢ, summed over the batch.&lt;/p&gt;&lt;p&gt;A unit with f′(z) ≈ 0 (dead or saturated, dashed ring) passes almost nothing back: it stops learning.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;역전파&lt;/b&gt;: 오차 δ = ∂L/∂z가 연쇄 법칙에 따라 손실에서 입력 쪽으로 거꾸로 흐릅니다: δⱼ = (Σₖ wⱼₖ·δₖ) · f′(zⱼ). 각 가중치의 기울기는 ∂L/∂wᵢⱼ = δⱼ · aᵢ이고, 배치 전체에 대해 더합니다.&lt;/p&gt;&lt;p&gt;f′(z) ≈ 0인 유닛(죽었거나 포화됨, 점선 고리)은 거의 아무것도 뒤로 전하지 못해 학습을 멈춥니다.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="434" />
      <source>&lt;p&gt;&lt;b&gt;Update&lt;/b&gt;: every weight takes the optimizer's step ({optimizer}). Click a weight to see its rule with the numbers.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;갱신&lt;/b&gt;: 모든 가중치가 옵티마이저({optimizer})의 규칙대로 움직입니다. 가중치를 클릭하면 그 규칙을 숫자와 함께 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/window.py" line="438" />
      <source>&lt;p&gt;&lt;b&gt;Apply&lt;/b&gt;: the model takes exactly this step (the same as Step batch); then the walk starts again on the next batch.&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;적용&lt;/b&gt;: 모델이 바로 이 단계를 밟습니다(배치 한 단계와 똑같음). 그다음 다음 배치에서 다시 시작합니다.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>ConfusionMatrixView</name>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="154" />
      <source>The confusion matrix is for classification data sets; this one is regression.</source>
      <translation>혼동 행렬은 분류 데이터셋에 쓰는데, 이 데이터셋은 회귀입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="158" />
      <source>The confusion matrix shows up to {max} classes; this data set has {n}.</source>
      <translation>혼동 행렬은 클래스를 {max}개까지 보여 주는데, 이 데이터셋에는 {n}개가 있습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="178" />
      <source>test set</source>
      <translation>테스트 세트</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="180" />
      <source>training set (there is no test set)</source>
      <translation>훈련 세트(테스트 세트 없음)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="184" />
      <source>the first {n} of {all} samples of the {where} while training</source>
      <translation>학습 중이라 {where}의 샘플 {all}개 중 처음 {n}개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="188" />
      <source>&lt;b&gt;Confusion matrix&lt;/b&gt; — accuracy {acc:.1%}</source>
      <translation>&lt;b&gt;혼동 행렬&lt;/b&gt; — 정확도 {acc:.1%}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="189" />
      <source>&lt;b&gt;Confusion matrix&lt;/b&gt; — {where}, {n} samples, accuracy {acc:.1%}; rows: true class, columns: predicted; shading: share of the row</source>
      <translation>&lt;b&gt;혼동 행렬&lt;/b&gt; — {where}, 샘플 {n}개, 정확도 {acc:.1%}; 행: 실제 클래스, 열: 예측 클래스, 색 농도: 행에서 차지하는 비율</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="220" />
      <source>predicted class</source>
      <translation>예측 클래스</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="232" />
      <source>true class</source>
      <translation>실제 클래스</translation>
    </message>
  </context>
  <context>
    <name>CurveMarks</name>
    <message>
      <location filename="../../nnstudio/gui/plots/marks.py" line="74" />
      <source>loss: {old} → {new}</source>
      <translation>손실: {old} → {new}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/marks.py" line="75" />
      <source>loss → {new}</source>
      <translation>손실 → {new}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/marks.py" line="80" />
      <source>early stop: {monitor} not better for {patience} epochs</source>
      <translation>조기 종료: {monitor}이(가) {patience} 에포크 동안 나아지지 않음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/marks.py" line="84" />
      <source>weights of epoch {best} restored</source>
      <translation>에포크 {best}의 가중치로 되돌림</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/marks.py" line="85" />
      <source>early stop</source>
      <translation>조기 종료</translation>
    </message>
  </context>
  <context>
    <name>CurvesPanel</name>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="194" />
      <source>Show every batch</source>
      <translation>배치마다 표시</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="197" />
      <source>Log scale loss</source>
      <translation>손실을 로그 눈금으로</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="216" />
      <source>Loss</source>
      <translation>손실</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="219" />
      <source>Accuracy</source>
      <translation>정확도</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="230" />
      <source>epoch</source>
      <translation>에포크</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="253" />
      <source>loss (batch)</source>
      <translation>loss (배치)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="255" />
      <source>loss</source>
      <translation>loss</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="260" />
      <source>val_loss</source>
      <translation>val_loss</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="262" />
      <source>accuracy</source>
      <translation>accuracy</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="267" />
      <source>val_accuracy</source>
      <translation>val_accuracy</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="356" />
      <source>Metrics</source>
      <translation>평가 지표</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/plots/curves.py" line="488" />
      <source>epoch {epoch}: {logs}</source>
      <translation>에포크 {epoch}: {logs}</translation>
    </message>
  </context>
  <context>
    <name>DataLink</name>
    <message>
      <location filename="../../nnstudio/gui/panels/data_link.py" line="56" />
      <source>Data files (*.csv *.tsv *.txt *.npz)</source>
      <translation>데이터 파일 (*.csv *.tsv *.txt *.npz)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_link.py" line="56" />
      <source>All files (*)</source>
      <translation>모든 파일 (*)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_link.py" line="62" />
      <source>Locate the data file</source>
      <translation>데이터 파일 찾기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_link.py" line="81" />
      <source>Data file not found</source>
      <translation>데이터 파일을 찾을 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_link.py" line="82" />
      <source>This project trains on the file
{path}
which is not there any more (it may have been moved or renamed). Locate… it now?</source>
      <translation>이 프로젝트는 다음 파일로 학습합니다.
{path}
그런데 이 파일이 더 이상 그 자리에 없습니다(옮겨졌거나 이름이 바뀌었을 수 있습니다). 지금 찾아보시겠습니까(찾기…)?</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_link.py" line="97" />
      <source>Read a file outside the project?</source>
      <translation>프로젝트 밖의 파일을 읽을까요?</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_link.py" line="98" />
      <source>This project reads its data from
{path}
which is outside the project's own folder. Read this file only if you trust the project. Read it?

No: choose another file (Locate…), or none.</source>
      <translation>이 프로젝트는 다음 파일에서 데이터를 읽습니다.
{path}
이 파일은 프로젝트 폴더 밖에 있습니다. 프로젝트를 믿을 수 있을 때만 읽으십시오. 읽을까요?

아니요: 다른 파일을 고르거나(찾기…) 아무 파일도 읽지 않습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_link.py" line="140" />
      <source>Data too large to keep in the project</source>
      <translation>데이터가 너무 커서 프로젝트에 담을 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_link.py" line="141" />
      <source>Your data ({size:.0f} MB) is larger than the {limit} MB a project can hold, so the project will only link to
{path}
Send that file along with the project. Save with a link?</source>
      <translation>데이터({size:.0f} MB)가 프로젝트에 담을 수 있는 {limit} MB보다 커서, 프로젝트에는 다음 파일로 가는 연결만 저장됩니다.
{path}
프로젝트를 보낼 때 이 파일도 함께 보내십시오. 연결만 저장할까요?</translation>
    </message>
  </context>
  <context>
    <name>DataPanel</name>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="152" />
      <source>The data set the network learns from</source>
      <translation>신경망이 학습할 데이터셋</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="160" />
      <source>Open file…</source>
      <translation>파일 열기…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="162" />
      <source>Use your own data: a CSV table, a NumPy .npz file or MNIST-style IDX files</source>
      <translation>직접 준비한 데이터 사용: CSV 표, NumPy .npz 파일, MNIST 형식의 IDX 파일</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="166" />
      <source>CSV, NPZ or IDX file…</source>
      <translation>CSV, NPZ, IDX 파일…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="168" />
      <source>Folder of IDX files…</source>
      <translation>IDX 파일이 있는 폴더…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="208" />
      <source>Logic gates &amp; tables</source>
      <translation>논리 게이트와 표</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="209" />
      <source>2-D classification</source>
      <translation>2차원 분류</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="210" />
      <source>Regression</source>
      <translation>회귀</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="211" />
      <source>Images</source>
      <translation>이미지</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="226" />
      <source>Your data</source>
      <translation>내 데이터</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="237" />
      <source>(download, {mb} MB)</source>
      <translation>(다운로드, {mb} MB)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="239" />
      <source>(download)</source>
      <translation>(다운로드)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="261" />
      <source>{file} ({format})</source>
      <translation>{file} ({format})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="303" />
      <source>Samples</source>
      <translation>샘플 수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="304" />
      <source>Noise</source>
      <translation>노이즈</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="305" />
      <source>Seed</source>
      <translation>시드</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="306" />
      <source>Test fraction</source>
      <translation>테스트 비율</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="307" />
      <source>Classes</source>
      <translation>클래스 수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="308" />
      <source>Repeats</source>
      <translation>반복 수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="309" />
      <source>Inner radius</source>
      <translation>안쪽 반지름</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="310" />
      <source>Squares per side</source>
      <translation>한 변의 칸 수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="313" />
      <source>How many points to make (train and test together)</source>
      <translation>만들 점의 개수(훈련용과 테스트용을 합친 수)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="314" />
      <source>How much random jitter is added to each point</source>
      <translation>각 점에 더하는 무작위 흔들림의 크기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="315" />
      <source>The same seed always makes the same points</source>
      <translation>시드가 같으면 항상 같은 점이 만들어집니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="316" />
      <source>The share of points kept aside to test on (never trained on)</source>
      <translation>테스트용으로 떼어 두는 점의 비율(학습에는 쓰지 않음)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="319" />
      <source>How many classes (one colour each)</source>
      <translation>클래스 개수(클래스마다 색 하나)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="320" />
      <source>Noisy copies of the table to train on (the exact table is the test set)</source>
      <translation>학습에 쓸, 노이즈를 더한 표 사본의 수(원래 표는 테스트 세트)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="323" />
      <source>Radius of the inner ring as a fraction of the outer one</source>
      <translation>바깥 원에 대한 안쪽 원의 반지름 비율</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="324" />
      <source>Squares along each side of the board</source>
      <translation>판의 한 변에 놓인 칸 수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="473" />
      <source>Open a data file</source>
      <translation>데이터 파일 열기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="475" />
      <source>Data files (*.csv *.npz *-ubyte *-ubyte.gz *.idx *.idx.gz);;CSV tables (*.csv);;NumPy archives (*.npz);;IDX files (*-ubyte *-ubyte.gz *.idx *.idx.gz);;All files (*)</source>
      <translation>데이터 파일 (*.csv *.npz *-ubyte *-ubyte.gz *.idx *.idx.gz);;CSV 표 (*.csv);;NumPy 아카이브 (*.npz);;IDX 파일 (*-ubyte *-ubyte.gz *.idx *.idx.gz);;모든 파일 (*)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="493" />
      <source>Cannot open the file</source>
      <translation>파일을 열 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="498" />
      <source>{file} has only one column; a CSV data file needs at least one input column and a label column, separated by commas.</source>
      <translation>{file}에는 열이 하나뿐입니다. CSV 데이터 파일에는 쉼표로 구분된 입력 열이 적어도 하나, 그리고 레이블 열이 있어야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="518" />
      <source>Open a folder of IDX files</source>
      <translation>IDX 파일이 있는 폴더 열기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="561" />
      <source>{title} is not on this computer yet. Download it (about {mb} MB, once) to use it, or pick the bundled 5,000-digit sample, which works offline.</source>
      <translation>{title}이(가) 아직 이 컴퓨터에 없습니다. 쓰려면 한 번 다운로드하세요(약 {mb} MB). 인터넷 없이 쓰려면 함께 들어 있는 숫자 5,000개 샘플을 고르세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="565" />
      <source>Download…</source>
      <translation>다운로드…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="578" />
      <source>Loading {title}…</source>
      <translation>{title} 불러오는 중…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="631" />
      <source>Cannot use this data set</source>
      <translation>이 데이터셋을 쓸 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="647" />
      <source>about {mb} MB</source>
      <translation>약 {mb} MB</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="647" />
      <source>a few MB</source>
      <translation>몇 MB</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="651" />
      <source>Download {title}?</source>
      <translation>{title}을(를) 다운로드할까요?</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="652" />
      <source>{title} is not on this computer yet. Download it now ({size}, only once)? The bundled 5,000-digit MNIST sample works without the internet.</source>
      <translation>{title}이(가) 아직 이 컴퓨터에 없습니다. 지금 다운로드할까요({size}, 한 번만)? 함께 들어 있는 숫자 5,000개짜리 MNIST 샘플은 인터넷 없이 쓸 수 있습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="668" />
      <source>Downloading {title}…</source>
      <translation>{title} 다운로드 중…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="680" />
      <source>Download failed</source>
      <translation>다운로드 실패</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="718" />
      <source>This project uses the data set “{name}”, which this version of nnstudio does not have; choose one from the list.</source>
      <translation>이 프로젝트는 데이터셋 “{name}”을(를) 쓰는데, 이 버전의 nnstudio에는 없습니다. 목록에서 하나를 고르세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="754" />
      <source>Your data from {path}.</source>
      <translation>{path}에서 불러온 내 데이터입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_panel.py" line="756" />
      <source>Classes: {names}.</source>
      <translation>클래스: {names}.</translation>
    </message>
  </context>
  <context>
    <name>DataPreview</name>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="71" />
      <source>{train} train / {test} test</source>
      <translation>훈련 {train} / 테스트 {test}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="74" />
      <source>1 feature</source>
      <translation>특성 1개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="74" />
      <source>{n} features</source>
      <translation>특성 {n}개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="78" />
      <source>1 class</source>
      <translation>클래스 1개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="78" />
      <source>{n} classes</source>
      <translation>클래스 {n}개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="82" />
      <source>regression, 1 target</source>
      <translation>회귀, 타깃 1개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="82" />
      <source>regression, {n} targets</source>
      <translation>회귀, 타깃 {n}개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="234" />
      <source>No data set yet.</source>
      <translation>아직 데이터셋이 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="343" />
      <source>test (hollow)</source>
      <translation>테스트 (속 빈 점)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="359" />
      <source>train</source>
      <translation>훈련</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="367" />
      <source>test</source>
      <translation>테스트</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="394" />
      <source>y ≈ {v}</source>
      <translation>y ≈ {v}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="426" />
      <source>class</source>
      <translation>클래스</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="430" />
      <source>target</source>
      <translation>타깃</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="432" />
      <source>target {n}</source>
      <translation>타깃 {n}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="434" />
      <source>split</source>
      <translation>구분</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/data_preview.py" line="482" />
      <source>Showing the first {shown} of {total} rows.</source>
      <translation>전체 {total}행 중 처음 {shown}행을 보여 줍니다.</translation>
    </message>
  </context>
  <context>
    <name>DecisionMapView</name>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="179" />
      <source>The decision map draws networks with two inputs (a plane); this data set has {n} inputs per sample.</source>
      <translation>결정 경계는 입력이 두 개(평면)인 신경망만 그립니다. 이 데이터셋은 샘플마다 입력이 {n}개입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="204" />
      <source>class colour, paler where the network is unsure</source>
      <translation>클래스 색, 신경망이 확신하지 못하는 곳은 옅게</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="206" />
      <source>output: vermillion low, white middle, blue high</source>
      <translation>출력: 낮으면 주황, 중간은 흰색, 높으면 파랑</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="208" />
      <source>&lt;b&gt;Decision map&lt;/b&gt; — {what}; training points filled, test points hollow</source>
      <translation>&lt;b&gt;결정 경계&lt;/b&gt; — {what}; 훈련 점은 속이 찬 점, 테스트 점은 속 빈 점</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="212" />
      <source> (a sample of {train:,} training and {test:,} test points is drawn)</source>
      <translation> (훈련 점 {train:,}개와 테스트 점 {test:,}개만 골라 그립니다)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="218" />
      <source>&lt;b&gt;Decision map&lt;/b&gt;</source>
      <translation>&lt;b&gt;결정 경계&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="277" />
      <source>{name}: {shown} of {units} neurons</source>
      <translation>{name}: 뉴런 {units}개 중 {shown}개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="281" />
      <source>{name}: {units} neurons</source>
      <translation>{name}: 뉴런 {units}개</translation>
    </message>
  </context>
  <context>
    <name>DigitGridView</name>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="59" />
      <source>Wrong first</source>
      <translation>틀린 것 먼저</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="61" />
      <source>Misclassified first: show the test images the network gets wrong before the others</source>
      <translation>틀린 것 먼저: 신경망이 잘못 분류한 테스트 이미지를 앞에 보여 줍니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="77" />
      <source>The test-image grid shows image data sets such as MNIST.</source>
      <translation>테스트 이미지 격자는 MNIST 같은 이미지 데이터셋에서만 보입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="79" />
      <source>This data set has no test images.</source>
      <translation>이 데이터셋에는 테스트 이미지가 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="99" />
      <source>&lt;b&gt;Test images&lt;/b&gt; — accuracy {acc:.1%}</source>
      <translation>&lt;b&gt;테스트 이미지&lt;/b&gt; — 정확도 {acc:.1%}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="100" />
      <source>&lt;b&gt;Test images&lt;/b&gt; — predicted label: ✓ right (green), ✗ wrong (vermillion, true label after it). Test accuracy {acc:.1%} ({r} of {n})</source>
      <translation>&lt;b&gt;테스트 이미지&lt;/b&gt; — 예측 레이블: ✓ 맞음(초록), ✗ 틀림(주황, 뒤에 실제 레이블). 테스트 정확도 {acc:.1%} ({n}개 중 {r}개)</translation>
    </message>
  </context>
  <context>
    <name>DownloadDialog</name>
    <message>
      <location filename="../../nnstudio/gui/panels/download_dialog.py" line="144" />
      <source>Downloading {title}</source>
      <translation>{title} 다운로드</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/download_dialog.py" line="145" />
      <source>Connecting…</source>
      <translation>연결하는 중…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/download_dialog.py" line="146" />
      <source>Cancel</source>
      <translation>취소</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/download_dialog.py" line="179" />
      <source>Downloading {title}… {done} MB of {total} MB</source>
      <translation>{title} 다운로드 중… {total} MB 중 {done} MB</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/download_dialog.py" line="185" />
      <source>Downloading {title}… {done} MB</source>
      <translation>{title} 다운로드 중… {done} MB</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/download_dialog.py" line="192" />
      <source>Cancelling…</source>
      <translation>취소하는 중…</translation>
    </message>
  </context>
  <context>
    <name>FigureDialog</name>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="215" />
      <source>Export Figure</source>
      <translation>그림 내보내기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="225" />
      <source>Figure</source>
      <translation>그림</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="228" />
      <source>{scale} the screen size</source>
      <translation>화면 크기의 {scale}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="229" />
      <source>Chosen size</source>
      <translation>직접 정한 크기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="230" />
      <source>Size</source>
      <translation>크기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="242" />
      <source>Pixels</source>
      <translation>픽셀</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="244" />
      <source>No title</source>
      <translation>제목 없음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="245" />
      <source>Title</source>
      <translation>제목</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="252" />
      <source>Save PNG…</source>
      <translation>PNG로 저장…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="255" />
      <source>Copy to Clipboard</source>
      <translation>클립보드에 복사</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="280" />
      <source>{w} × {h} pixels</source>
      <translation>{w} × {h} 픽셀</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="320" />
      <source>PNG images (*.png)</source>
      <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="329" />
      <source>Could not export the figure</source>
      <translation>그림을 내보낼 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="336" />
      <source>Copied to the clipboard.</source>
      <translation>클립보드에 복사했습니다.</translation>
    </message>
  </context>
  <context>
    <name>Figures</name>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="156" />
      <source>Could not write the figure to {path}; check the folder exists and is writable.</source>
      <translation>그림을 {path}에 쓸 수 없습니다. 폴더가 있고 쓸 수 있는지 확인하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="170" />
      <source>Learning curves</source>
      <translation>학습 곡선</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="174" />
      <source>Decision map</source>
      <translation>결정 경계 지도</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="175" />
      <source>Network curve</source>
      <translation>신경망 곡선</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="176" />
      <source>Test images</source>
      <translation>테스트 이미지</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="177" />
      <source>Confusion matrix</source>
      <translation>혼동 행렬</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="178" />
      <source>First-layer weights</source>
      <translation>첫 층 가중치</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="179" />
      <source>Neurons</source>
      <translation>뉴런</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="180" />
      <source>Gradients and dead units</source>
      <translation>기울기와 죽은 유닛</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="345" />
      <source>Copied the figure “{name}” ({w} × {h}) to the clipboard.</source>
      <translation>그림 “{name}”({w} × {h})을 클립보드에 복사했습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="371" />
      <source>Export &amp;Figure…</source>
      <translation>그림 내보내기(&amp;F)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="373" />
      <source>Save the curves or a view as a PNG for slides (2×, 3× or a chosen size)</source>
      <translation>곡선이나 뷰를 슬라이드용 PNG로 저장합니다 (2배, 3배 또는 정한 크기)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/figures.py" line="377" />
      <source>&amp;Copy Figure</source>
      <translation>그림 복사(&amp;C)</translation>
    </message>
  </context>
  <context>
    <name>FirstLayerWeightsView</name>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="290" />
      <source>The first layer's weights are drawn as images for image data sets such as MNIST.</source>
      <translation>첫 번째 층의 가중치는 MNIST 같은 이미지 데이터셋일 때 이미지로 그려집니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="294" />
      <source>The network has no Dense layer.</source>
      <translation>신경망에 Dense 층이 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="306" />
      <source>&lt;b&gt;{name}&lt;/b&gt; weights as images</source>
      <translation>&lt;b&gt;{name}&lt;/b&gt; 가중치 이미지</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/image_views.py" line="307" />
      <source>&lt;b&gt;{name}&lt;/b&gt;: the weights into each of the first {n} of {units} units as an image (blue +, vermillion −): the pattern each unit looks for</source>
      <translation>&lt;b&gt;{name}&lt;/b&gt;: 유닛 {units}개 중 처음 {n}개에 들어가는 가중치를 이미지로 나타낸 것(파랑 +, 주황 −): 각 유닛이 찾는 패턴</translation>
    </message>
  </context>
  <context>
    <name>GradientCheckDialog</name>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="83" />
      <source>Gradient Check</source>
      <translation>기울기 검사</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="88" />
      <source>every parameter</source>
      <translation>모든 파라미터</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="89" />
      <source>a random sample of</source>
      <translation>무작위로 고른</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="93" />
      <source>Check</source>
      <translation>검사</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="95" />
      <source>Cancel</source>
      <translation>취소</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="101" />
      <source>Backprop and the central difference (L(w + h) − L(w − h)) / 2h, side by side in float64, on {n} training samples.</source>
      <translation>역전파와 중앙 차분 (L(w + h) − L(w − h)) / 2h를 학습 샘플 {n}개에 대해 float64로 나란히 계산합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="111" />
      <source>Parameter</source>
      <translation>파라미터</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="112" />
      <source>Backprop</source>
      <translation>역전파</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="113" />
      <source>Numeric</source>
      <translation>수치 미분</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="114" />
      <source>Relative error</source>
      <translation>상대 오차</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="126" />
      <source>parameters</source>
      <translation>개 파라미터</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="171" />
      <source>The check cannot start: {error}</source>
      <translation>검사를 시작할 수 없습니다: {error}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="192" />
      <source>Checking…</source>
      <translation>검사 중…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="216" />
      <source>The check failed: {error}</source>
      <translation>검사가 실패했습니다: {error}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="247" />
      <source>Cancelled before any parameter was checked.</source>
      <translation>파라미터를 하나도 검사하기 전에 취소되었습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="254" />
      <source>they agree</source>
      <translation>두 값이 일치합니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="256" />
      <source>they DISAGREE: the backward pass has a bug</source>
      <translation>두 값이 다릅니다: 역전파에 버그가 있습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="258" />
      <source>{checked} of {total} parameters checked{cancelled}. Relative error ‖b − n‖ / (‖b‖ + ‖n‖) = {overall}, worst single entry {worst}: {verdict}.</source>
      <translation>파라미터 {total}개 중 {checked}개를 검사했습니다{cancelled}. 상대 오차 ‖b − n‖ / (‖b‖ + ‖n‖) = {overall}, 가장 나쁜 항목 {worst}: {verdict}.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="267" />
      <source> (cancelled)</source>
      <translation> (취소됨)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/gradcheck_dialog.py" line="269" />
      <source>Backprop computed all {total} gradients in {bp} ms (one forward, one backward); the central difference took {per} ms per parameter, {all} s for all of them: backprop is {ratio}× faster.</source>
      <translation>역전파는 기울기 {total}개를 모두 {bp} ms에 구했습니다(순전파 한 번, 역전파 한 번). 중앙 차분은 파라미터 하나에 {per} ms, 전부 하면 {all}초가 걸립니다: 역전파가 {ratio}배 빠릅니다.</translation>
    </message>
  </context>
  <context>
    <name>HealthCurvesView</name>
    <message>
      <location filename="../../nnstudio/gui/views/health_curves.py" line="44" />
      <source>Clear</source>
      <translation>지우기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/health_curves.py" line="45" />
      <source>Forget the points recorded so far</source>
      <translation>지금까지 기록한 점을 지웁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/health_curves.py" line="57" />
      <source>gradient size (L2)</source>
      <translation>그레이디언트 (L2)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/health_curves.py" line="58" />
      <source>training step</source>
      <translation>학습 스텝</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/health_curves.py" line="63" />
      <source>dead ReLU units (share)</source>
      <translation>죽은 ReLU 유닛 비율</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/health_curves.py" line="107" />
      <source>The data set's targets do not fit the network's output yet.</source>
      <translation>데이터셋의 타깃이 아직 신경망의 출력과 맞지 않습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/health_curves.py" line="147" />
      <source>&lt;b&gt;Gradient size, dead units&lt;/b&gt;</source>
      <translation>&lt;b&gt;그레이디언트 크기, 죽은 유닛&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/health_curves.py" line="148" />
      <source>&lt;b&gt;Gradient size&lt;/b&gt; per layer (log scale; while training, averaged over the latest batches) and the share of &lt;b&gt;dead ReLU units&lt;/b&gt; (never firing on {n} training samples)</source>
      <translation>층별 &lt;b&gt;그레이디언트 크기&lt;/b&gt;(로그 눈금, 학습 중에는 최근 배치들의 평균)와 &lt;b&gt;죽은 ReLU 유닛&lt;/b&gt;의 비율(훈련 샘플 {n}개에서 한 번도 활성화되지 않은 유닛)</translation>
    </message>
  </context>
  <context>
    <name>ImportReportDialog</name>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="232" />
      <source>Keras Code Imported</source>
      <translation>케라스 코드를 가져왔습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="246" />
      <source>line {line}</source>
      <translation>{line}번째 줄</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="251" />
      <source>Everything in the code that concerns the model was understood.</source>
      <translation>코드에서 모델과 관련된 부분을 모두 이해했습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="269" />
      <source>&lt;b&gt;Not understood or changed ({count})&lt;/b&gt; — everything else came in:</source>
      <translation>&lt;b&gt;이해하지 못했거나 바꾼 것 ({count})&lt;/b&gt; — 나머지는 모두 가져왔습니다:</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="273" />
      <source>&lt;b&gt;Nothing was left out.&lt;/b&gt;</source>
      <translation>&lt;b&gt;빠진 것이 없습니다.&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="288" />
      <source>&amp;Open as New Project</source>
      <translation>새 프로젝트로 열기(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="298" />
      <source>Keras Code Imported: {title}</source>
      <translation>케라스 코드를 가져왔습니다: {title}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="313" />
      <source>&lt;b&gt;Network&lt;/b&gt;: input ({shape}) → {layers}</source>
      <translation>&lt;b&gt;네트워크&lt;/b&gt;: 입력 ({shape}) → {layers}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="316" />
      <source>&lt;b&gt;Training&lt;/b&gt;: {optimizer} (learning rate {lr}), loss {loss}, metrics {metrics}; {epochs} epochs, batch {batch}, validation split {split}</source>
      <translation>&lt;b&gt;학습&lt;/b&gt;: {optimizer} (학습률 {lr}), 손실 {loss}, 지표 {metrics}; {epochs} 에포크, 배치 {batch}, 검증 비율 {split}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="328" />
      <source>&lt;b&gt;Data&lt;/b&gt;: {name}</source>
      <translation>&lt;b&gt;데이터&lt;/b&gt;: {name}</translation>
    </message>
  </context>
  <context>
    <name>Inspector</name>
    <message>
      <location filename="../../nnstudio/gui/panels/inspector.py" line="44" />
      <source>Layer inspector</source>
      <translation>층 속성</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/inspector.py" line="67" />
      <source>Stop training to edit the network.</source>
      <translation>신경망을 고치려면 학습을 중지하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/inspector.py" line="75" />
      <source>Select a layer to edit it</source>
      <translation>편집할 층을 선택하세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/inspector.py" line="128" />
      <source>Inspector</source>
      <translation>속성</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/inspector.py" line="154" />
      <source>Input size unknown until a data set is chosen.</source>
      <translation>데이터셋을 고르기 전에는 입력 크기를 알 수 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/inspector.py" line="156" />
      <source>{a} in → {b} out</source>
      <translation>입력 {a} → 출력 {b}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/inspector.py" line="165" />
      <source>{n} parameters = {i}×{u} weights + {u} biases</source>
      <translation>파라미터 {n}개 = 가중치 {i}×{u} + 편향 {u}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/inspector.py" line="169" />
      <source>{n} parameters = {i}×{u} weights</source>
      <translation>파라미터 {n}개 = 가중치 {i}×{u}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/inspector.py" line="173" />
      <source>no parameters to learn</source>
      <translation>학습할 파라미터 없음</translation>
    </message>
  </context>
  <context>
    <name>KerasIO</name>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="370" />
      <source>Import &amp;Keras Code…</source>
      <translation>케라스 코드 가져오기(&amp;K)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="373" />
      <source>Make a project from Keras model code (read, never run)</source>
      <translation>케라스 모델 코드로 프로젝트를 만듭니다 (읽기만 하고 실행하지 않습니다)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="376" />
      <source>&amp;Export…</source>
      <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="379" />
      <source>Write the network as a Keras or PyTorch script, or as ONNX</source>
      <translation>네트워크를 케라스나 파이토치 스크립트, 또는 ONNX 파일로 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="386" />
      <source>import Keras code</source>
      <translation>케라스 코드를 가져오세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="402" />
      <source>Imported “{title}” from Keras code: {layers} layer(s); {notes} note(s) in the report.</source>
      <translation>케라스 코드에서 “{title}”을(를) 가져왔습니다: 층 {layers}개, 보고서의 알림 {notes}개.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="429" />
      <source>Keras script (*.py)</source>
      <translation>케라스 스크립트 (*.py)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="430" />
      <source>PyTorch script (*.py)</source>
      <translation>파이토치 스크립트 (*.py)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="431" />
      <source>ONNX model (*.onnx)</source>
      <translation>ONNX 모델 (*.onnx)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="436" />
      <source>export</source>
      <translation>내보내세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="443" />
      <source>Export</source>
      <translation>내보내기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="471" />
      <source>Could not export</source>
      <translation>내보낼 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="478" />
      <source>{path} could not be written ({reason}). Choose another folder or free some disk space.</source>
      <translation>{path}에 쓸 수 없습니다 ({reason}). 다른 폴더를 고르거나 디스크 공간을 확보하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="488" />
      <source>The export failed: {reason}</source>
      <translation>내보내기에 실패했습니다: {reason}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="494" />
      <source>Exported {files}</source>
      <translation>내보냈습니다: {files}</translation>
    </message>
  </context>
  <context>
    <name>KerasImport</name>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="78" />
      <source>line {line}: {text}</source>
      <translation>{line}번째 줄: {text}</translation>
    </message>
  </context>
  <context>
    <name>KerasImportDialog</name>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="105" />
      <source>Import Keras Code</source>
      <translation>케라스 코드 가져오기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="111" />
      <source>Paste the Keras code of a Sequential model, drop a .py file here, or choose one. The code is only read, never run; what nnstudio does not understand is listed line by line, and the rest comes in.</source>
      <translation>Sequential 모델의 케라스 코드를 붙여 넣거나, .py 파일을 여기에 끌어다 놓거나, 파일을 고르세요. 코드는 읽기만 하고 실행하지 않습니다. nnstudio가 이해하지 못한 부분은 줄마다 알려 주고, 나머지는 가져옵니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="135" />
      <source>Open &amp;File…</source>
      <translation>파일 열기(&amp;F)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="139" />
      <source>&amp;Import</source>
      <translation>가져오기(&amp;I)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="173" />
      <source>Import Keras Code — {name}</source>
      <translation>케라스 코드 가져오기 — {name}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="179" />
      <source>Open Keras Code</source>
      <translation>케라스 코드 열기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="181" />
      <source>Python files (*.py)</source>
      <translation>파이썬 파일 (*.py)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/keras_io.py" line="181" />
      <source>All files (*)</source>
      <translation>모든 파일 (*)</translation>
    </message>
  </context>
  <context>
    <name>LabelColumnDialog</name>
    <message>
      <location filename="../../nnstudio/gui/panels/column_dialog.py" line="22" />
      <source>Choose the label column</source>
      <translation>레이블 열 고르기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/column_dialog.py" line="25" />
      <source>Which column of {file} is the label (the answer the network learns)? The other columns are the inputs.</source>
      <translation>{file}의 어느 열이 레이블(신경망이 배울 정답)인가요? 나머지 열은 입력이 됩니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/column_dialog.py" line="34" />
      <source>(column {n})</source>
      <translation>({n}번째 열)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/column_dialog.py" line="40" />
      <source>Decide from the labels</source>
      <translation>레이블을 보고 자동 결정</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/column_dialog.py" line="41" />
      <source>Classification (labels are classes)</source>
      <translation>분류 (레이블이 클래스)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/column_dialog.py" line="42" />
      <source>Regression (labels are numbers to predict)</source>
      <translation>회귀 (레이블이 예측할 수치)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/column_dialog.py" line="43" />
      <source>Task</source>
      <translation>문제 유형</translation>
    </message>
  </context>
  <context>
    <name>LayerPages</name>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="30" />
      <source>f(x) = x (no activation)</source>
      <translation>f(x) = x (활성화 함수 없음)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="31" />
      <source>f(x) = 1 / (1 + e^−x): between 0 and 1</source>
      <translation>f(x) = 1 / (1 + e^−x): 0과 1 사이</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="32" />
      <source>f(x) = tanh(x): between −1 and 1</source>
      <translation>f(x) = tanh(x): −1과 1 사이</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="33" />
      <source>f(x) = max(0, x)</source>
      <translation>f(x) = max(0, x)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="34" />
      <source>f(x) = x if x &gt; 0, else 0.2·x</source>
      <translation>f(x) = x &gt; 0이면 x, 아니면 0.2·x</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="35" />
      <source>f(x) = x if x &gt; 0, else e^x − 1</source>
      <translation>f(x) = x &gt; 0이면 x, 아니면 e^x − 1</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="36" />
      <source>f(x) = log(1 + e^x): a smooth relu</source>
      <translation>f(x) = log(1 + e^x): 매끄러운 relu</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="37" />
      <source>turns the outputs into probabilities that add up to 1</source>
      <translation>출력을 합이 1인 확률로 바꿉니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="95" />
      <source>How many neurons this layer has (its output size)</source>
      <translation>이 층의 뉴런 수(출력 크기)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="97" />
      <source>add a bias</source>
      <translation>편향 추가</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="98" />
      <source>Add a learned bias to each unit</source>
      <translation>유닛마다 학습되는 편향을 더합니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="102" />
      <source>Units</source>
      <translation>유닛 수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="103" />
      <source>Activation</source>
      <translation>활성화 함수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="104" />
      <source>Use bias</source>
      <translation>편향 사용</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="105" />
      <source>Kernel initializer</source>
      <translation>커널 초기화</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="106" />
      <source>Bias initializer</source>
      <translation>편향 초기화</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="108" />
      <source>Every input connects to every unit: output = activation(input · kernel + bias).</source>
      <translation>모든 입력이 모든 유닛에 연결됩니다: 출력 = activation(입력 · kernel + bias).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="135" />
      <source>Applies the function to every value on its own; learns nothing.</source>
      <translation>각 값에 함수를 따로따로 적용합니다. 학습하는 것은 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="151" />
      <source>Share of inputs set to zero at each training step</source>
      <translation>학습 스텝마다 0으로 만드는 입력의 비율</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="152" />
      <source>Rate</source>
      <translation>비율 (rate)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="154" />
      <source>While training, each input is set to 0 with probability rate and the others are scaled by 1 / (1 − rate). When predicting it does nothing.</source>
      <translation>학습하는 동안 각 입력을 rate 확률로 0으로 만들고, 나머지는 1 / (1 − rate)배 합니다. 예측할 때는 아무것도 하지 않습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/layer_pages.py" line="169" />
      <source>Lays every sample out as one row of numbers: a 28×28 image becomes 784 inputs, row after row. Learns nothing; a Dense layer needs flat inputs.</source>
      <translation>각 샘플을 수 한 줄로 펼칩니다. 28×28 이미지는 행을 차례로 이어 784개의 입력이 됩니다. 배우는 것은 없습니다. Dense 층에는 평평한 입력이 필요합니다.</translation>
    </message>
  </context>
  <context>
    <name>LayerPalette</name>
    <message>
      <location filename="../../nnstudio/gui/canvas/palette.py" line="205" />
      <source>Layer palette</source>
      <translation>층 팔레트</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/palette.py" line="237" />
      <source>Stop training to edit the network.</source>
      <translation>신경망을 고치려면 학습을 중지하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/palette.py" line="240" />
      <source>Drag a block into the network, or double-click it (or press Enter) to add it at the end.</source>
      <translation>블록을 신경망으로 끌어 놓거나, 두 번 클릭(또는 Enter)하면 맨 끝에 추가됩니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/palette.py" line="249" />
      <source>Stop training to edit the network</source>
      <translation>신경망을 고치려면 학습을 중지하세요</translation>
    </message>
  </context>
  <context>
    <name>LayerTypes</name>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="48" />
      <source>1 unit</source>
      <translation>유닛 1개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="48" />
      <source>{n} units</source>
      <translation>유닛 {n}개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="57" />
      <source>Dense</source>
      <translation>Dense</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="58" />
      <source>fully connected, learns weights</source>
      <translation>완전 연결, 가중치를 학습</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="72" />
      <source>Activation</source>
      <translation>활성화 함수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="73" />
      <source>a function, no weights</source>
      <translation>함수만 적용, 가중치 없음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="81" />
      <source>Dropout</source>
      <translation>Dropout</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="82" />
      <source>drops inputs while training</source>
      <translation>학습 중 입력 일부를 끔</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="86" />
      <source>rate {rate:g}</source>
      <translation>rate {rate:g}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="90" />
      <source>Flatten</source>
      <translation>Flatten</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/layer_types.py" line="91" />
      <source>an image becomes one row of inputs</source>
      <translation>이미지를 입력 한 줄로 펼침</translation>
    </message>
  </context>
  <context>
    <name>LessonPanel</name>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="57" />
      <source>{metric} reached {value}</source>
      <translation>{metric}이(가) {value}에 도달</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="59" />
      <source>{metric} fell to {value} or below</source>
      <translation>{metric}이(가) {value} 이하로 떨어짐</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="64" />
      <source>the hidden layer was deleted (one Dense layer left)</source>
      <translation>은닉층을 지움(Dense 층 하나만 남음)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="65" />
      <source>the network has {n} {type} layers</source>
      <translation>네트워크의 {type} 층이 {n}개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="67" />
      <source>the network has at least {n} {type} layer(s)</source>
      <translation>네트워크에 {type} 층이 {n}개 이상</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="71" />
      <source>{n} epochs trained</source>
      <translation>{n} 에포크 학습함</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="73" />
      <source>{setting} is {value}</source>
      <translation>{setting} 값이 {value}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="75" />
      <source>training stopped early</source>
      <translation>조기 종료로 학습이 멈춤</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="84" />
      <source>Set up lesson step {n}</source>
      <translation>수업 {n}단계 준비</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="155" />
      <source>Set up this step</source>
      <translation>이 단계 준비하기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="158" />
      <source>Put the network, data and settings this step needs in place (undoable)</source>
      <translation>이 단계에 필요한 네트워크, 데이터, 설정을 준비합니다(실행 취소 가능)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="163" />
      <source>◂ Back</source>
      <translation>◂ 이전</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="165" />
      <source>Next ▸</source>
      <translation>다음 ▸</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="251" />
      <source>No guided lesson</source>
      <translation>안내 수업 없음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="254" />
      <source>This project has no guided lesson. Open one from File ▸ New from Lesson (XOR, gates, animals, MNIST or overfitting).</source>
      <translation>이 프로젝트에는 안내 수업이 없습니다. 파일 ▸ 수업에서 새로 만들기에서 하나를 여세요(XOR, 논리 게이트, 동물, MNIST, 과대적합).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="265" />
      <source>Step {i} of {n}: {title}</source>
      <translation>{n}단계 중 {i}단계: {title}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="273" />
      <source>What to do</source>
      <translation>할 일</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="274" />
      <source>What to look for</source>
      <translation>살펴볼 것</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="299" />
      <source>✓ Done: {what}</source>
      <translation>✓ 완료: {what}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="301" />
      <source>Waiting for: {what}</source>
      <translation>기다리는 중: {what}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="316" />
      <source>Finish this step first: its check has not passed yet</source>
      <translation>먼저 이 단계를 마치세요. 아직 확인 조건을 통과하지 못했습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="329" />
      <source>Guided Lesson</source>
      <translation>안내 수업</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/lesson_panel.py" line="341" />
      <source>&amp;Guided Lesson</source>
      <translation>안내 수업(&amp;G)</translation>
    </message>
  </context>
  <context>
    <name>LoadJob</name>
    <message>
      <location filename="../../nnstudio/gui/panels/download_dialog.py" line="55" />
      <source>Loading the data failed unexpectedly: {error}</source>
      <translation>데이터를 불러오다가 예기치 않은 오류가 났습니다: {error}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="166" />
      <source>Layers</source>
      <translation>층</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="168" />
      <source>Data</source>
      <translation>데이터</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="170" />
      <source>Inspector</source>
      <translation>속성</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="173" />
      <source>Training</source>
      <translation>학습 설정</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="175" />
      <source>Summary</source>
      <translation>요약</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="176" />
      <source>Curves</source>
      <translation>학습 곡선</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="237" />
      <source>&amp;New Blank Project</source>
      <translation>빈 프로젝트 만들기(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="237" />
      <source>Start an empty network</source>
      <translation>빈 신경망으로 시작합니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="240" />
      <source>&amp;Open…</source>
      <translation>열기(&amp;O)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="240" />
      <source>Open a .nnproj project</source>
      <translation>.nnproj 프로젝트를 엽니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="242" />
      <source>&amp;Save</source>
      <translation>저장(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="243" />
      <source>Save &amp;As…</source>
      <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="244" />
      <source>Export &amp;Curves as PNG…</source>
      <translation>학습 곡선을 PNG로 내보내기(&amp;C)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="245" />
      <source>&amp;Quit</source>
      <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="249" />
      <source>&amp;Undo</source>
      <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="251" />
      <source>&amp;Redo</source>
      <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="254" />
      <source>&amp;Delete Layer</source>
      <translation>층 삭제(&amp;D)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="283" />
      <source>&amp;About nnstudio</source>
      <translation>nnstudio 정보(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="285" />
      <source>&amp;Lesson Description</source>
      <translation>수업 설명(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="286" />
      <source>Reset &amp;Layout</source>
      <translation>화면 배치 초기화(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="291" />
      <source>&amp;File</source>
      <translation>파일(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="292" />
      <source>New from &amp;Lesson</source>
      <translation>수업에서 새로 만들기(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="300" />
      <source>Open &amp;Recent</source>
      <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="312" />
      <source>&amp;Edit</source>
      <translation>편집(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="319" />
      <source>T&amp;rain</source>
      <translation>학습(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="326" />
      <source>&amp;View</source>
      <translation>보기(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="332" />
      <source>Show All &amp;Views Inside the Network</source>
      <translation>신경망 내부 보기 모두 표시(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="338" />
      <source>&amp;Help</source>
      <translation>도움말(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="349" />
      <source>{speed:,.0f} samples/s</source>
      <translation>초당 {speed:,.0f}개 샘플</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="400" />
      <source>(no lessons installed)</source>
      <translation>(설치된 수업 없음)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="439" />
      <source>{name}[*] — nnstudio</source>
      <translation>{name}[*] — nnstudio</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="454" />
      <source>Export Curves</source>
      <translation>학습 곡선 내보내기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="456" />
      <source>PNG images (*.png)</source>
      <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="465" />
      <source>Could not export the curves</source>
      <translation>학습 곡선을 내보낼 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="487" />
      <source>Ready</source>
      <translation>준비</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="488" />
      <source>Training…</source>
      <translation>학습 중…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="489" />
      <source>Paused</source>
      <translation>일시 정지됨</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="490" />
      <source>Stopping…</source>
      <translation>중지하는 중…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="523" />
      <source>Training finished: all epochs done.</source>
      <translation>학습 완료: 모든 에포크를 마쳤습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="524" />
      <source>Training stopped; the weights so far are kept.</source>
      <translation>학습을 중지했습니다. 지금까지의 가중치는 그대로 남아 있습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="525" />
      <source>Training stopped: the loss became NaN (try a smaller learning rate).</source>
      <translation>학습 중지: 손실이 NaN이 되었습니다(학습률을 더 작게 해 보세요).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="526" />
      <source>Training stopped by an error.</source>
      <translation>오류로 학습이 멈췄습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="532" />
      <source>Training stopped</source>
      <translation>학습이 멈췄습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="556" />
      <source>&amp;Undo {what}</source>
      <translation>실행 취소(&amp;U): {what}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/main_window.py" line="561" />
      <source>&amp;Redo {what}</source>
      <translation>다시 실행(&amp;R): {what}</translation>
    </message>
  </context>
  <context>
    <name>ModelMirror</name>
    <message>
      <location filename="../../nnstudio/gui/views/mirror.py" line="225" />
      <source>The network has no layers yet: add a Dense layer to see inside it.</source>
      <translation>신경망에 아직 층이 없습니다. 안을 보려면 Dense 층을 추가하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/mirror.py" line="242" />
      <source>Choose a data set in the Data panel.</source>
      <translation>데이터 패널에서 데이터셋을 고르세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/mirror.py" line="244" />
      <source>The network's input does not match the data set; choose the data set again.</source>
      <translation>신경망의 입력이 데이터셋과 맞지 않습니다. 데이터셋을 다시 고르세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/mirror.py" line="310" />
      <source>Edit weight {key}{index}</source>
      <translation>가중치 {key}{index} 수정</translation>
    </message>
  </context>
  <context>
    <name>NetworkCanvas</name>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="75" />
      <source>Network</source>
      <translation>신경망</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="77" />
      <source>Drag layers here from the palette. Drag a block to move it; Delete removes it; Ctrl+Up/Down moves it; Ctrl+wheel zooms, Ctrl+0 fits.</source>
      <translation>팔레트에서 층을 여기로 끌어 놓으세요. 블록을 끌면 옮겨지고, Delete로 지우고, Ctrl+Up/Down으로 위아래로 옮깁니다. Ctrl+휠로 확대/축소, Ctrl+0으로 화면에 맞춥니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="209" />
      <source>Locked while training — stop training to edit the network</source>
      <translation>학습 중에는 잠김 — 신경망을 고치려면 학습을 중지하세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="218" />
      <source>Input</source>
      <translation>입력</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="224" />
      <source>Drag layers here from the palette
(or double-click one there)</source>
      <translation>팔레트에서 층을 여기로 끌어 놓으세요
(또는 팔레트에서 두 번 클릭)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="252" />
      <source>Output</source>
      <translation>출력</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="268" />
      <source>Total parameters: {n}</source>
      <translation>전체 파라미터: {n}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="301" />
      <source>? params (choose a data set)</source>
      <translation>파라미터 ?개 (데이터셋을 고르세요)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="303" />
      <source>1 param</source>
      <translation>파라미터 1개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="304" />
      <source>{n} params</source>
      <translation>파라미터 {n}개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="310" />
      <source>in: {a} → out: {b}</source>
      <translation>입력: {a} → 출력: {b}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="316" />
      <source>weights {i}×{u} = {k}, biases {b}</source>
      <translation>가중치 {i}×{u} = {k}, 편향 {b}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="328" />
      <source>shape comes from the data set</source>
      <translation>모양은 데이터셋에서 정해짐</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="333" />
      <source>{h}×{w} images</source>
      <translation>{h}×{w} 이미지</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="336" />
      <source>{n} features ({h}×{w} image)</source>
      <translation>특성 {n}개 ({h}×{w} 이미지)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="338" />
      <source>shape {shape}</source>
      <translation>모양 {shape}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="346" />
      <source>1 output</source>
      <translation>출력 1개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="348" />
      <source>{n} outputs</source>
      <translation>출력 {n}개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="349" />
      <source>loss: {loss}</source>
      <translation>손실: {loss}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="365" />
      <source>Stop training to edit the network</source>
      <translation>신경망을 고치려면 학습을 중지하세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="529" />
      <source>Move Up</source>
      <translation>위로 이동</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="531" />
      <source>Move Down</source>
      <translation>아래로 이동</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/canvas/view.py" line="534" />
      <source>Delete</source>
      <translation>삭제</translation>
    </message>
  </context>
  <context>
    <name>NeuronView</name>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="203" />
      <source>sample </source>
      <translation>샘플 </translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="204" />
      <source>The training sample whose neuron outputs are shown</source>
      <translation>뉴런 출력을 보여 줄 훈련 샘플</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="226" />
      <source>The neuron view draws small networks (at most {max} inputs and {max} units per layer); this one has {inputs} inputs and layers of {widths} units.</source>
      <translation>뉴런 보기는 작은 신경망(입력 최대 {max}개, 층마다 유닛 최대 {max}개)만 그립니다. 이 신경망은 입력이 {inputs}개이고 층의 유닛 수는 {widths}입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="246" />
      <source>{layer} unit {n} (class {name})</source>
      <translation>{layer} 유닛 {n} (클래스 {name})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="249" />
      <source>{layer} unit {n}</source>
      <translation>{layer} 유닛 {n}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="290" />
      <source>inputs</source>
      <translation>입력</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="359" />
      <source>&lt;b&gt;Neurons&lt;/b&gt; (locked)</source>
      <translation>&lt;b&gt;뉴런&lt;/b&gt; (잠김)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="359" />
      <source>&lt;b&gt;Neurons&lt;/b&gt;</source>
      <translation>&lt;b&gt;뉴런&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="360" />
      <source>&lt;b&gt;Neurons&lt;/b&gt; — lines: weights (blue +, vermillion −, thicker = larger); circles: outputs for the sample. </source>
      <translation>&lt;b&gt;뉴런&lt;/b&gt; — 선: 가중치(파랑 +, 주황 −, 굵을수록 큼), 원: 이 샘플에 대한 출력. </translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="365" />
      <source>&lt;i&gt;Locked while training.&lt;/i&gt;</source>
      <translation>&lt;i&gt;학습 중에는 잠깁니다.&lt;/i&gt;</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="367" />
      <source>Click a line or a circle to change a weight or bias; scroll over one to nudge it.</source>
      <translation>선이나 원을 클릭하면 가중치나 편향을 바꿀 수 있고, 그 위에서 스크롤하면 조금씩 움직입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="429" />
      <source>Weight from {a} to {b}: {w:.4f}
{hint}</source>
      <translation>{a}에서 {b}(으)로 가는 가중치: {w:.4f}
{hint}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="434" />
      <source>Click to change it, or scroll over it to nudge it.</source>
      <translation>클릭해서 바꾸거나, 그 위에서 스크롤해서 조금씩 움직이세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="449" />
      <source>Stop training to edit the weights.</source>
      <translation>가중치를 고치려면 학습을 중지하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="454" />
      <source>Input {name} of sample {n}: {v:.4f}</source>
      <translation>샘플 {n}의 입력 {name}: {v:.4f}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="462" />
      <source>output for sample {n}: {v:.4f}</source>
      <translation>샘플 {n}에 대한 출력: {v:.4f}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="463" />
      <source>bias: {b}</source>
      <translation>편향: {b}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="464" />
      <source>none</source>
      <translation>없음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="466" />
      <source>weights in:</source>
      <translation>들어오는 가중치:</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="471" />
      <source>Click to change the bias.</source>
      <translation>클릭하면 편향을 바꿀 수 있습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="509" />
      <source>Weight from {a} to {b}:</source>
      <translation>{a}에서 {b}(으)로 가는 가중치:</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="516" />
      <source>This layer has no bias (use_bias is off).</source>
      <translation>이 층에는 편향이 없습니다(use_bias가 꺼져 있음).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="518" />
      <source>Bias of {unit}:</source>
      <translation>{unit}의 편향:</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/neuron_view.py" line="531" />
      <source>Edit weight</source>
      <translation>가중치 수정</translation>
    </message>
  </context>
  <context>
    <name>Pace</name>
    <message>
      <location filename="../../nnstudio/gui/training/pace.py" line="43" />
      <source>As fast as possible</source>
      <translation>최대한 빠르게</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/pace.py" line="44" />
      <source>10 batches a second</source>
      <translation>1초에 배치 10개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/pace.py" line="45" />
      <source>Slow motion (toy lessons)</source>
      <translation>슬로 모션 (간단한 수업용)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/pace.py" line="46" />
      <source>1 epoch a second</source>
      <translation>1초에 에포크 1개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/pace.py" line="47" />
      <source>1 batch a second</source>
      <translation>1초에 배치 1개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/pace.py" line="114" />
      <source>&amp;Pace</source>
      <translation>속도(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/pace.py" line="127" />
      <source>Slower</source>
      <translation>더 느리게</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/pace.py" line="130" />
      <source>Faster</source>
      <translation>더 빠르게</translation>
    </message>
  </context>
  <context>
    <name>PaceCombo</name>
    <message>
      <location filename="../../nnstudio/gui/training/pace.py" line="90" />
      <source>How fast training runs, so a class can watch (Ctrl+[ / Ctrl+])</source>
      <translation>학습 속도: 수업에서 지켜볼 수 있게 늦춥니다 (Ctrl+[ / Ctrl+])</translation>
    </message>
  </context>
  <context>
    <name>PerceptronLab</name>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="345" />
      <source>Perceptron Lab</source>
      <translation>퍼셉트론 실험실</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="362" />
      <source>Drag the line (or one of its two handles): the weights follow.</source>
      <translation>직선(또는 두 손잡이 중 하나)을 끌어 보세요. 가중치가 따라 바뀝니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="367" />
      <source>Target gate:</source>
      <translation>목표 게이트:</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="376" />
      <source>Activation:</source>
      <translation>활성화 함수:</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="379" />
      <source>step (the perceptron's)</source>
      <translation>계단 함수(퍼셉트론)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="380" />
      <source>sigmoid</source>
      <translation>시그모이드</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="383" />
      <source>linear</source>
      <translation>선형</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="395" />
      <source>Hand weights:</source>
      <translation>손으로 정한 가중치:</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="400" />
      <source>w1 = {0}, w2 = {1}, b = {2}: the textbook's {gate}</source>
      <translation>w1 = {0}, w2 = {1}, b = {2}: 교재의 {gate}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="422" />
      <source>target</source>
      <translation>목표</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="431" />
      <source>z = w1·x1 + w2·x2 + b; y = f(z); the neuron fires (counts as 1) where z &gt; 0</source>
      <translation>z = w1·x1 + w2·x2 + b; y = f(z); z &gt; 0인 곳에서 뉴런이 발화합니다(1로 셈)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="450" />
      <source>The perceptron learning rule: w ← w + η (t − y) x</source>
      <translation>퍼셉트론 학습 규칙: w ← w + η (t − y) x</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="458" />
      <source>The learning rate: how far one update moves the weights</source>
      <translation>학습률: 한 번의 갱신이 가중치를 얼마나 움직이는지</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="460" />
      <source>&amp;Step</source>
      <translation>한 단계(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="461" />
      <source>Correct one misclassified row</source>
      <translation>잘못 분류된 행 하나를 고칩니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="463" />
      <source>&amp;Play</source>
      <translation>재생(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="466" />
      <source>Start from &amp;zero</source>
      <translation>0에서 시작(&amp;Z)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="467" />
      <source>w1 = w2 = b = 0: the rule starts from scratch</source>
      <translation>w1 = w2 = b = 0: 규칙이 처음부터 시작합니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="479" />
      <source>Build XOR from Gates on the Canvas</source>
      <translation>캔버스에 게이트로 XOR 만들기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="481" />
      <source>The 2-2-1 network AND(NAND(x1, x2), OR(x1, x2)) with these hand weights</source>
      <translation>손으로 정한 이 가중치로 만든 2-2-1 네트워크 AND(NAND(x1, x2), OR(x1, x2))</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="551" />
      <source>&amp;Pause</source>
      <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="594" />
      <source>right</source>
      <translation>맞음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="594" />
      <source>wrong</source>
      <translation>틀림</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="598" />
      <source>the neuron computes {gate}</source>
      <translation>뉴런이 계산하는 게이트: {gate}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="600" />
      <source>the neuron computes none of AND, OR, NAND, NOR</source>
      <translation>뉴런이 AND, OR, NAND, NOR 중 어느 것도 계산하지 않습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="603" />
      <source>{n} of 4 right</source>
      <translation>4개 중 {n}개 맞음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="608" />
      <source>XOR is impossible for one neuron. Its line puts every point on one side or the other, but XOR needs (0,1) and (1,0) on the firing side and (0,0) and (1,1) on the other: the two pairs sit on crossing diagonals, and no straight line separates them. Whatever the weights, at most 3 of the 4 rows are right. Two layers can do it: XOR = AND(NAND(x1, x2), OR(x1, x2)).</source>
      <translation>XOR은 뉴런 하나로는 불가능합니다. 직선은 모든 점을 한쪽 아니면 다른 쪽에 두는데, XOR은 (0,1)과 (1,0)을 발화하는 쪽에, (0,0)과 (1,1)을 반대쪽에 두어야 합니다. 두 쌍은 서로 엇갈린 대각선 위에 있어서 어떤 직선으로도 나눌 수 없습니다. 가중치가 무엇이든 네 행 중 많아야 3개만 맞습니다. 층이 두 개면 됩니다: XOR = AND(NAND(x1, x2), OR(x1, x2)).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="616" />
      <source>All four right: the blue points (target 1) are on the side the arrow points to.</source>
      <translation>네 개 모두 맞음: 파란 점(목표 1)이 화살표가 가리키는 쪽에 있습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="620" />
      <source>Move the line so that the blue points (target 1) are on the firing side and the vermillion ones (target 0) are not, or let the learning rule do it.</source>
      <translation>파란 점(목표 1)은 발화하는 쪽에, 주황 점(목표 0)은 반대쪽에 오도록 직선을 옮기거나, 학습 규칙에 맡겨 보세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="627" />
      <source>Press Step: the rule picks a misclassified row and moves the line towards it.</source>
      <translation>한 단계를 누르세요. 규칙이 잘못 분류된 행을 골라 직선을 그쪽으로 옮깁니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="631" />
      <source>Nothing to learn: all four rows are right.</source>
      <translation>배울 것이 없습니다. 네 행이 모두 맞습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="633" />
      <source>Update {k}: row ({x1:.0f}, {x2:.0f}) wanted t = {t} but fired y = {y}, so w ← w + {eta:.2f}·({t} − {y})·({x1:.0f}, {x2:.0f}), b ← b + {eta:.2f}·({t} − {y}): now ({w1:.2f}, {w2:.2f}, {b:.2f}).</source>
      <translation>갱신 {k}: 행 ({x1:.0f}, {x2:.0f})의 목표는 t = {t}인데 y = {y}로 발화했으므로 w ← w + {eta:.2f}·({t} − {y})·({x1:.0f}, {x2:.0f}), b ← b + {eta:.2f}·({t} − {y}): 이제 ({w1:.2f}, {w2:.2f}, {b:.2f}).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="649" />
      <source>&lt;b&gt;Converged after {k} updates:&lt;/b&gt; all four right.</source>
      <translation>&lt;b&gt;{k}번 갱신 후 수렴:&lt;/b&gt; 네 개 모두 맞음.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="653" />
      <source>&lt;b&gt;It never converges on XOR:&lt;/b&gt; it cycles for ever, at most 3 of 4 right.</source>
      <translation>&lt;b&gt;XOR에서는 절대 수렴하지 않습니다:&lt;/b&gt; 끝없이 맴돌며 4개 중 많아야 3개만 맞습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="682" />
      <source>Perceptron &amp;Lab…</source>
      <translation>퍼셉트론 실험실(&amp;L)…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="685" />
      <source>One neuron as a logic gate: set its weights by hand, see its line</source>
      <translation>논리 게이트가 된 뉴런 하나: 가중치를 손으로 정하고 직선을 봅니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="688" />
      <source>Build &amp;XOR from Gates</source>
      <translation>게이트로 XOR 만들기(&amp;X)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="690" />
      <source>A new project: the 2-2-1 network AND(NAND(x1, x2), OR(x1, x2)), hand weights</source>
      <translation>새 프로젝트: 손으로 정한 가중치의 2-2-1 네트워크 AND(NAND(x1, x2), OR(x1, x2))</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="694" />
      <source>Open the Perceptron Lab</source>
      <translation>퍼셉트론 실험실 열기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="724" />
      <source>build a new network</source>
      <translation>새 네트워크를 만드세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="736" />
      <source>XOR from gates: right on all 4 rows before any training. Reset the weights and train to let the network find its own solution.</source>
      <translation>게이트로 만든 XOR: 학습 전부터 네 행을 모두 맞힙니다. 가중치를 초기화하고 학습시키면 네트워크가 스스로 답을 찾습니다.</translation>
    </message>
  </context>
  <context>
    <name>Presentation</name>
    <message>
      <location filename="../../nnstudio/gui/presentation.py" line="312" />
      <source>&amp;Zoom</source>
      <translation>확대/축소(&amp;Z)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/presentation.py" line="321" />
      <source>Now: {zoom} %</source>
      <translation>현재: {zoom} %</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/presentation.py" line="340" />
      <source>&amp;Presentation Mode</source>
      <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/presentation.py" line="343" />
      <source>The curves and the current view large and side by side, high contrast, 150 %</source>
      <translation>학습 곡선과 현재 보기를 크게 나란히, 고대비, 150 %</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/presentation.py" line="345" />
      <source>&amp;Full Screen</source>
      <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/presentation.py" line="346" />
      <source>&amp;High Contrast</source>
      <translation>고대비(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/presentation.py" line="347" />
      <source>Zoom &amp;In</source>
      <translation>확대(&amp;I)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/presentation.py" line="348" />
      <source>Zoom &amp;Out</source>
      <translation>축소(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/presentation.py" line="349" />
      <source>&amp;Actual Size</source>
      <translation>실제 크기(&amp;A)</translation>
    </message>
  </context>
  <context>
    <name>ProblemsDialog</name>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="313" />
      <source>Before training</source>
      <translation>학습 전 점검</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="325" />
      <source>Train anyway</source>
      <translation>그래도 학습</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="328" />
      <source>Fix all</source>
      <translation>모두 고치기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="341" />
      <source>Training would not work yet:</source>
      <translation>아직 학습할 수 없습니다:</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="343" />
      <source>Training can start, but look at this first:</source>
      <translation>학습할 수는 있지만 먼저 이것을 확인하세요:</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="358" />
      <source>Error</source>
      <translation>오류</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="358" />
      <source>Warning</source>
      <translation>경고</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="369" />
      <source>Fix</source>
      <translation>고치기</translation>
    </message>
  </context>
  <context>
    <name>ProjectFiles</name>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="78" />
      <source>Untitled</source>
      <translation>제목 없음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="97" />
      <source>Training is running</source>
      <translation>학습 중입니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="98" />
      <source>Stop training first (Train ▸ Stop), then {what}.</source>
      <translation>먼저 학습을 중지한 뒤(학습 ▸ 중지) {what}.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="127" />
      <source>start a new project</source>
      <translation>새 프로젝트를 시작하세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="139" />
      <source>Could not open the lesson</source>
      <translation>수업을 열 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="149" />
      <source>Open Project</source>
      <translation>프로젝트 열기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="151" />
      <source>nnstudio projects (*.nnproj)</source>
      <translation>nnstudio 프로젝트 (*.nnproj)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="151" />
      <source>All files (*)</source>
      <translation>모든 파일 (*)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="159" />
      <source>open another project</source>
      <translation>다른 프로젝트를 여세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="174" />
      <source>Opened the lesson “{title}” as a new project; Save asks where to keep your copy.</source>
      <translation>수업 “{title}”을(를) 새 프로젝트로 열었습니다. 저장하면 사본을 둘 위치를 묻습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="184" />
      <source>Opened {name}</source>
      <translation>{name}을(를) 열었습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="193" />
      <source>Could not open the project</source>
      <translation>프로젝트를 열 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="198" />
      <source>{path} could not be read ({reason}). Check that the file exists and you may read it.</source>
      <translation>{path}을(를) 읽을 수 없습니다({reason}). 파일이 있는지, 읽을 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="206" />
      <source>{path} could not be opened: {reason}</source>
      <translation>{path}을(를) 열 수 없습니다: {reason}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="227" />
      <source>Save Project As</source>
      <translation>다른 이름으로 프로젝트 저장</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="285" />
      <source>The weights change with every batch, so the project cannot be saved while training runs. Pause or stop training, then save again.</source>
      <translation>학습 중에는 배치마다 가중치가 바뀌므로 프로젝트를 저장할 수 없습니다. 학습을 일시 정지하거나 중지한 뒤 다시 저장하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="301" />
      <source>{path} could not be written ({reason}). Choose another folder or free some disk space.</source>
      <translation>{path}에 쓸 수 없습니다({reason}). 다른 폴더를 고르거나 디스크 공간을 확보하세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="305" />
      <source>Could not save the project</source>
      <translation>프로젝트를 저장할 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="315" />
      <source>Saved {name}</source>
      <translation>{name}을(를) 저장했습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="335" />
      <source>Clear Recent Files</source>
      <translation>최근 파일 목록 지우기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="338" />
      <source>(no recent files)</source>
      <translation>(최근 파일 없음)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="359" />
      <source>Autosave failed: {reason}</source>
      <translation>자동 저장 실패: {reason}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/project_files.py" line="373" />
      <source>an unsaved project</source>
      <translation>저장하지 않은 프로젝트</translation>
    </message>
  </context>
  <context>
    <name>RegressionView</name>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="306" />
      <source>training data</source>
      <translation>훈련 데이터</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="312" />
      <source>test data</source>
      <translation>테스트 데이터</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="314" />
      <source>network</source>
      <translation>신경망</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="327" />
      <source>The curve view draws networks with one input; this data set has {n} inputs per sample.</source>
      <translation>곡선 보기는 입력이 하나인 신경망만 그립니다. 이 데이터셋은 샘플마다 입력이 {n}개입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="336" />
      <source>&lt;b&gt;Network curve&lt;/b&gt;</source>
      <translation>&lt;b&gt;신경망 곡선&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/decision_map.py" line="337" />
      <source>&lt;b&gt;Network curve&lt;/b&gt; — the network's output for every input; training points filled, test points hollow</source>
      <translation>&lt;b&gt;신경망 곡선&lt;/b&gt; — 모든 입력에 대한 신경망의 출력; 훈련 점은 속이 찬 점, 테스트 점은 속 빈 점</translation>
    </message>
  </context>
  <context>
    <name>RunSettings</name>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="40" />
      <source>Each press of Train</source>
      <translation>학습 버튼을 누를 때마다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="44" />
      <source>trains the epochs set more</source>
      <translation>정한 에포크 수만큼 더 학습</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="45" />
      <source>trains until the epoch set</source>
      <translation>정한 에포크까지 학습</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="46" />
      <source>Epochs</source>
      <translation>에포크</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="53" />
      <source>Early stopping</source>
      <translation>조기 종료</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="57" />
      <source>Stop when the monitored value has not improved for a number of epochs (Keras EarlyStopping)</source>
      <translation>지켜보는 값이 몇 에포크 동안 나아지지 않으면 멈춥니다 (Keras EarlyStopping)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="66" />
      <source>Monitor</source>
      <translation>지켜볼 값</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="70" />
      <source>Epochs without improvement before training stops</source>
      <translation>학습을 멈추기 전까지 나아지지 않아도 기다리는 에포크 수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="71" />
      <source>Patience</source>
      <translation>참을성 (patience)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="77" />
      <source>A smaller change does not count as an improvement</source>
      <translation>이보다 작은 변화는 나아진 것으로 치지 않습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="78" />
      <source>Min. delta</source>
      <translation>최소 변화 (min_delta)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="79" />
      <source>Restore the best weights</source>
      <translation>가장 좋았던 가중치로 되돌리기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="127" />
      <source>{monitor} needs a validation split above 0 (Training, Validation split).</source>
      <translation>{monitor}을(를) 보려면 검증 비율이 0보다 커야 합니다 (학습, 검증 비율).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="141" />
      <source>Already at epoch {done}: nothing to train until the epoch is raised.</source>
      <translation>이미 에포크 {done}입니다. 에포크를 올리기 전에는 학습할 것이 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="145" />
      <source>Train until epoch {last} ({count} more).</source>
      <translation>에포크 {last}까지 학습합니다 ({count}개 더).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="148" />
      <source>Train {count} more epochs: {first} to {last}.</source>
      <translation>에포크 {count}개를 더 학습합니다: {first}~{last}.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="162" />
      <source>Change how epochs count</source>
      <translation>에포크 세는 방법 바꾸기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/run_settings.py" line="175" />
      <source>Change early stopping</source>
      <translation>조기 종료 설정 바꾸기</translation>
    </message>
  </context>
  <context>
    <name>SquarePlot</name>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="192" />
      <source>everywhere</source>
      <translation>모든 곳에서</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="192" />
      <source>nowhere</source>
      <translation>어디에서도</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="194" />
      <source>w1 = w2 = 0: no line; the neuron fires {where}.</source>
      <translation>w1 = w2 = 0: 직선이 없습니다. 뉴런은 {where} 발화합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="196" />
      <source>The line is outside this view: the neuron fires {where} here.</source>
      <translation>직선이 이 화면 밖에 있습니다. 여기서는 뉴런이 {where} 발화합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/perceptron_lab.py" line="235" />
      <source>fires</source>
      <translation>발화</translation>
    </message>
  </context>
  <context>
    <name>StudioViews</name>
    <message>
      <location filename="../../nnstudio/gui/views/__init__.py" line="108" />
      <source>Network Output</source>
      <translation>신경망 출력</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/__init__.py" line="109" />
      <source>Neurons</source>
      <translation>뉴런</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/__init__.py" line="110" />
      <source>Confusion Matrix</source>
      <translation>혼동 행렬</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/__init__.py" line="111" />
      <source>Gradients</source>
      <translation>그레이디언트</translation>
    </message>
  </context>
  <context>
    <name>SummaryPanel</name>
    <message>
      <location filename="../../nnstudio/gui/panels/summary.py" line="76" />
      <source>Layer (type)</source>
      <translation>층 (종류)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/summary.py" line="76" />
      <source>Output shape</source>
      <translation>출력 모양</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/summary.py" line="76" />
      <source>Param #</source>
      <translation>파라미터 수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/summary.py" line="124" />
      <source>Model summary</source>
      <translation>모델 요약</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/summary.py" line="130" />
      <source>The network can't be built yet: {reason}</source>
      <translation>아직 신경망을 만들 수 없습니다: {reason}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/summary.py" line="137" />
      <source>Model: "sequential" — input {shape}</source>
      <translation>모델: "sequential" — 입력 {shape}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/summary.py" line="151" />
      <source>Total params: {total} ({size})
Trainable params: {total} ({size})
Non-trainable params: 0 (0.00 B)</source>
      <translation>전체 파라미터: {total} ({size})
훈련되는 파라미터: {total} ({size})
훈련되지 않는 파라미터: 0 (0.00 B)</translation>
    </message>
  </context>
  <context>
    <name>TrainingController</name>
    <message>
      <location filename="../../nnstudio/gui/training/controller.py" line="78" />
      <source>Reset weights</source>
      <translation>가중치 초기화</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controller.py" line="251" />
      <source>Could not start training: {error}</source>
      <translation>학습을 시작할 수 없습니다: {error}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controller.py" line="260" />
      <source>The model already has {done} epochs, as many as set (until epoch {epochs}). Set a higher epoch, or choose to train more epochs.</source>
      <translation>모델이 이미 정한 만큼인 에포크 {done}개를 학습했습니다 (에포크 {epochs}까지). 에포크를 더 크게 정하거나, 에포크를 더 학습하도록 고르세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controller.py" line="453" />
      <source>The network was changed while training ran, so the trained weights were not kept.</source>
      <translation>학습하는 동안 신경망이 바뀌어서 학습된 가중치를 남기지 않았습니다.</translation>
    </message>
  </context>
  <context>
    <name>TrainingProgress</name>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="71" />
      <source>Epoch {epoch}/{epochs} · batch {batch}/{steps}</source>
      <translation>에포크 {epoch}/{epochs} · 배치 {batch}/{steps}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="75" />
      <source>{time} left</source>
      <translation>{time} 남음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="77" />
      <source>stopping…</source>
      <translation>중지하는 중…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="79" />
      <source>Not training</source>
      <translation>학습 중 아님</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="118" />
      <source>Starting: epoch {epoch} of {epochs}…</source>
      <translation>시작: 에포크 {epoch}/{epochs}…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="150" />
      <source>Epoch {epoch}/{epochs}</source>
      <translation>에포크 {epoch}/{epochs}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="173" />
      <source>stopped early</source>
      <translation>조기 종료됨</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="175" />
      <source>done</source>
      <translation>완료</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="177" />
      <source>stopped</source>
      <translation>멈춤</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="188" />
      <source>paused</source>
      <translation>일시 정지됨</translation>
    </message>
  </context>
  <context>
    <name>TrainingSettingsPanel</name>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="150" />
      <source>Loss and metrics</source>
      <translation>손실과 평가 지표</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="157" />
      <source>What training makes small: cross-entropy for classes, mse/mae for numbers</source>
      <translation>학습이 줄이는 값: 분류에는 교차 엔트로피, 수치 예측에는 mse/mae</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="159" />
      <source>Loss</source>
      <translation>손실 함수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="164" />
      <source>accuracy</source>
      <translation>accuracy</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="171" />
      <source>Metrics</source>
      <translation>평가 지표</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="175" />
      <source>Optimizer</source>
      <translation>옵티마이저</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="185" />
      <source>Step size of each update. Too large: the loss jumps or becomes NaN; too small: learning is slow.</source>
      <translation>한 번 갱신할 때의 보폭입니다. 너무 크면 손실이 튀거나 NaN이 되고, 너무 작으면 학습이 느립니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="190" />
      <source>Learning rate</source>
      <translation>학습률</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="191" />
      <source>Momentum</source>
      <translation>모멘텀</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="192" />
      <source>Nesterov momentum</source>
      <translation>네스테로프 모멘텀</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="196" />
      <source>rho (decay)</source>
      <translation>rho (감쇠)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="197" />
      <source>beta_1</source>
      <translation>beta_1</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="198" />
      <source>beta_2</source>
      <translation>beta_2</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="201" />
      <source>Initial accumulator</source>
      <translation>누적값 초깃값</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="204" />
      <source>epsilon</source>
      <translation>epsilon</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="208" />
      <source>Training</source>
      <translation>학습</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="213" />
      <source>Samples per update (the arrows step in powers of two)</source>
      <translation>한 번 갱신에 쓰는 샘플 수(화살표는 2의 거듭제곱으로 바뀝니다)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="214" />
      <source>Batch size</source>
      <translation>배치 크기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="218" />
      <source>Passes over the training data for one press of Train</source>
      <translation>학습 버튼을 한 번 누를 때 훈련 데이터를 도는 횟수</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="219" />
      <source>Epochs</source>
      <translation>에포크</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="226" />
      <source>Fraction of the training data held back (the last samples, as in Keras) to measure val_loss</source>
      <translation>val_loss를 재려고 떼어 두는 훈련 데이터의 비율(Keras처럼 마지막 샘플들)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="231" />
      <source>Validation split</source>
      <translation>검증 비율</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="236" />
      <source>Same seed, same initial weights and shuffling: runs can be repeated</source>
      <translation>시드가 같으면 초기 가중치와 섞는 순서가 같아 결과를 재현할 수 있습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="238" />
      <source>Seed</source>
      <translation>시드</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="276" />
      <source>Binary cross-entropy</source>
      <translation>이진 교차 엔트로피</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="277" />
      <source>Categorical cross-entropy (one-hot)</source>
      <translation>범주형 교차 엔트로피 (원-핫)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="278" />
      <source>Sparse categorical cross-entropy</source>
      <translation>희소 범주형 교차 엔트로피</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="279" />
      <source>Mean squared error (mse)</source>
      <translation>평균 제곱 오차 (mse)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="280" />
      <source>Mean absolute error (mae)</source>
      <translation>평균 절대 오차 (mae)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="281" />
      <source>Sum of squared errors (sse)</source>
      <translation>제곱 오차 합 (sse)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="349" />
      <source>Class labels are turned into one-hot vectors for categorical cross-entropy (sparse categorical cross-entropy uses them as they are).</source>
      <translation>범주형 교차 엔트로피에서는 클래스 레이블을 원-핫 벡터로 바꿉니다(희소 범주형 교차 엔트로피는 그대로 씁니다).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="367" />
      <source>Use loss {name}</source>
      <translation>손실 함수 {name} 사용</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="379" />
      <source>Change metrics</source>
      <translation>평가 지표 변경</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="389" />
      <source>Use optimizer {name}</source>
      <translation>옵티마이저 {name} 사용</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/panels/training_settings.py" line="403" />
      <source>Set {name} {key}</source>
      <translation>{name} {key} 설정</translation>
    </message>
  </context>
  <context>
    <name>TrainingToolbar</name>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="205" />
      <source>Training</source>
      <translation>학습 도구 모음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="222" />
      <source>Train</source>
      <translation>학습</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="225" />
      <source>Train for the epochs set in Training settings</source>
      <translation>학습 설정의 에포크 수만큼 학습합니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="228" />
      <source>Pause</source>
      <translation>일시 정지</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="231" />
      <source>Pause after the current batch; press again to resume</source>
      <translation>지금 배치가 끝나면 멈춥니다. 다시 누르면 계속합니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="235" />
      <source>Step epoch</source>
      <translation>한 에포크</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="238" />
      <source>Train to the end of this epoch, then pause</source>
      <translation>이번 에포크 끝까지 학습하고 멈춥니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="241" />
      <source>Step batch</source>
      <translation>한 배치</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="241" />
      <source>Train one mini-batch, then pause</source>
      <translation>미니배치 하나를 학습하고 멈춥니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="244" />
      <source>Stop</source>
      <translation>중지</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="247" />
      <source>Stop after the current batch and keep the weights</source>
      <translation>지금 배치가 끝나면 멈추고 가중치는 그대로 둡니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="251" />
      <source>Reset weights</source>
      <translation>가중치 초기화</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="254" />
      <source>Forget the trained weights and history (undoable)</source>
      <translation>학습된 가중치와 기록을 지웁니다(실행 취소 가능)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="283" />
      <source>Resume</source>
      <translation>계속</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/controls.py" line="432" />
      <source>Fix network</source>
      <translation>네트워크 고치기</translation>
    </message>
  </context>
  <context>
    <name>TrainingWorker</name>
    <message>
      <location filename="../../nnstudio/gui/training/worker.py" line="220" />
      <source>Training failed: {error}</source>
      <translation>학습 실패: {error}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/training/worker.py" line="301" />
      <source>The loss became NaN or infinite at epoch {epoch}, batch {batch}, so training stopped. The weights from just before the loss went bad were kept. The learning rate{lr} is probably too large: try one ten times smaller.</source>
      <translation>에포크 {epoch}, 배치 {batch}에서 손실이 NaN 또는 무한대가 되어 학습을 멈췄습니다. 손실이 망가지기 직전의 가중치를 남겨 두었습니다. 학습률{lr}이 너무 큰 것 같습니다. 10분의 1로 줄여 보세요.</translation>
    </message>
  </context>
  <context>
    <name>ViewBase</name>
    <message>
      <location filename="../../nnstudio/gui/views/base.py" line="100" />
      <source>PNG…</source>
      <translation>PNG…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/base.py" line="101" />
      <source>Export this view as a PNG image…</source>
      <translation>이 보기를 PNG 이미지로 내보내기…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/base.py" line="115" />
      <source>Export as PNG…</source>
      <translation>PNG로 내보내기…</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/base.py" line="244" />
      <source>Export as PNG</source>
      <translation>PNG로 내보내기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/base.py" line="244" />
      <source>PNG images (*.png)</source>
      <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/views/base.py" line="253" />
      <source>Could not export the view</source>
      <translation>보기를 내보낼 수 없습니다</translation>
    </message>
  </context>
  <context>
    <name>backprop</name>
    <message>
      <location filename="../../nnstudio/gui/backprop/diagrams.py" line="148" />
      <source>dead</source>
      <translation>죽음</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/diagrams.py" line="148" />
      <source>saturated</source>
      <translation>포화</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/diagrams.py" line="199" />
      <source>Click a unit in the network to see it as a computation graph.</source>
      <translation>네트워크에서 유닛을 클릭하면 계산 그래프로 볼 수 있습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/diagrams.py" line="241" />
      <source>forward values above the edges, gradients ∂L/∂(·) below (red)</source>
      <translation>간선 위: 순전파 값, 아래(빨강): 기울기 ∂L/∂(·)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/diagrams.py" line="246" />
      <source>δ = ∂L/∂z = ŷ − y (the loss and {act} fused)</source>
      <translation>δ = ∂L/∂z = ŷ − y (손실과 {act}가 합쳐짐)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/export.py" line="48" />
      <source>Export fit()</source>
      <translation>fit() 내보내기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/export.py" line="49" />
      <source>The training loop cannot be written out: {error}</source>
      <translation>학습 루프를 스크립트로 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/export.py" line="59" />
      <source>Export fit() as NumPy Script</source>
      <translation>fit()을 NumPy 스크립트로 내보내기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/export.py" line="61" />
      <source>Python script (*.py)</source>
      <translation>파이썬 스크립트 (*.py)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/export.py" line="70" />
      <source>Wrote {path}</source>
      <translation>{path} 파일을 썼습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="52" />
      <source>fused with the loss: ŷ − y</source>
      <translation>손실과 합쳐짐: ŷ − y</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="54" />
      <source>1 if z &gt; 0 else 0 (the ReLU step)</source>
      <translation>z &gt; 0이면 1, 아니면 0 (ReLU 계단)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="55" />
      <source>1 if z &gt; 0 else</source>
      <translation>z &gt; 0이면 1, 아니면</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="78" />
      <source>Forward: unit {unit} of {layer}</source>
      <translation>순전파: {layer}의 유닛 {unit}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="88" />
      <source>The loss ({name})</source>
      <translation>손실 ({name})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="111" />
      <source>The batch loss is the mean over its {n} samples: &lt;b&gt;{loss}&lt;/b&gt;</source>
      <translation>배치 손실은 샘플 {n}개의 평균입니다: &lt;b&gt;{loss}&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="123" />
      <source>Backward: δ of unit {unit} of {layer}</source>
      <translation>역전파: {layer}의 유닛 {unit}의 δ</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="137" />
      <source>{act} and {loss} together: their derivatives cancel to ŷ − y, so even a saturated output still gets its gradient.</source>
      <translation>{act}와 {loss}를 함께 쓰면 도함수가 약분되어 ŷ − y가 되므로, 포화된 출력도 기울기를 받습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="175" />
      <source>Dead unit: z ≤ 0 for these samples, so f′(z) = 0 and its weights get no gradient: it stops learning.</source>
      <translation>죽은 유닛: 이 샘플들에서 z ≤ 0이므로 f′(z) = 0이고 가중치가 기울기를 받지 못해 학습을 멈춥니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="184" />
      <source>Saturated unit: f′(z) ≈ 0, so almost no gradient passes: it learns very slowly.</source>
      <translation>포화된 유닛: f′(z) ≈ 0이라 기울기가 거의 전달되지 않아 아주 느리게 배웁니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="196" />
      <source>Backward: gradient of weight {i} → {j} of {layer}</source>
      <translation>역전파: {layer}의 가중치 {i} → {j}의 기울기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="205" />
      <source>This sample's share; the step uses the sum over the whole batch: {g}</source>
      <translation>이 샘플의 몫입니다. 실제 단계는 배치 전체의 합을 씁니다: {g}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="216" />
      <source>(+ the regularizer's term {r})</source>
      <translation>(+ 규제 항 {r})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="230" />
      <source>Update ({optimizer}): {param}</source>
      <translation>갱신 ({optimizer}): {param}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="232" />
      <source>The gradient is clipped first (clipnorm / clipvalue).</source>
      <translation>기울기를 먼저 자릅니다 (clipnorm / clipvalue).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/backprop/formulas.py" line="286" />
      <source>step Δw = {step}</source>
      <translation>이동량 Δw = {step}</translation>
    </message>
  </context>
  <context>
    <name>checks</name>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="127" />
      <source>binary cross-entropy</source>
      <translation>이진 크로스 엔트로피</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="128" />
      <source>categorical cross-entropy</source>
      <translation>범주형 크로스 엔트로피</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="129" />
      <source>sparse categorical cross-entropy</source>
      <translation>희소 범주형 크로스 엔트로피</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="147" />
      <source>The network has no input shape yet, and the data set gives inputs of shape {shape}.</source>
      <translation>신경망의 입력 모양이 아직 없고, 데이터셋의 입력 모양은 {shape}입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="151" />
      <source>The network expects inputs of shape {network}, but the data set gives {shape}.</source>
      <translation>신경망은 {network} 모양의 입력을 기대하지만 데이터셋의 입력은 {shape}입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="156" />
      <source>Use input shape {shape}</source>
      <translation>입력 모양을 {shape}(으)로</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="167" />
      <source>The network has no layers. It needs at least an output Dense layer.</source>
      <translation>신경망에 층이 없습니다. 적어도 출력층으로 쓸 Dense 층 하나가 필요합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="169" />
      <source>The network has no Dense layer, so it has nothing to learn. It needs at least an output Dense layer.</source>
      <translation>신경망에 Dense 층이 없어 학습할 것이 없습니다. 적어도 출력층으로 쓸 Dense 층 하나가 필요합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="174" />
      <source>Add a Dense output layer ({units} units, {activation})</source>
      <translation>Dense 출력층 추가 (유닛 {units}개, {activation})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="194" />
      <source>The data set has only {samples} training sample(s), too few to hold back {percent}% of them for validation.</source>
      <translation>데이터셋의 훈련 샘플이 {samples}개뿐이라 그중 {percent}%를 검증용으로 떼어 두기에는 너무 적습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="200" />
      <source>Don't hold back validation data</source>
      <translation>검증 데이터를 떼어 두지 않기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="209" />
      <source>Accuracy counts correct classes, but this data set's targets are numbers (regression); accuracy will mean nothing here.</source>
      <translation>정확도는 맞힌 클래스를 세는 지표인데, 이 데이터셋의 타깃은 수치(회귀)라서 여기서는 의미가 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="227" />
      <source>Show mae instead of accuracy</source>
      <translation>정확도 대신 mae 표시</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="247" />
      <source>The data set has {classes} classes, but the output layer has {units} unit(s). With {loss} it needs one unit per class.</source>
      <translation>데이터셋의 클래스는 {classes}개인데 출력층의 유닛은 {units}개입니다. 손실 함수가 {loss}이면 클래스마다 유닛이 하나씩 필요합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="253" />
      <source>Set the output layer to {classes} units</source>
      <translation>출력층을 유닛 {classes}개로</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="260" />
      <source>The output uses sigmoid, but {loss} needs the outputs to be probabilities that add up to 1: use softmax.</source>
      <translation>출력층이 sigmoid를 쓰지만, 손실 함수 {loss}에는 합이 1인 확률 출력이 필요합니다. softmax를 쓰세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="266" />
      <source>Use softmax</source>
      <translation>softmax 사용</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="273" />
      <source>The output uses {activation}, so it does not give probabilities; {loss} needs softmax on the output layer.</source>
      <translation>출력층이 {activation}을(를) 써서 확률이 나오지 않습니다. 손실 함수 {loss}에는 출력층의 softmax가 필요합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="287" />
      <source>Binary cross-entropy is for two classes, but the data set has {classes}. Use sparse categorical cross-entropy with {classes} softmax units.</source>
      <translation>이진 교차 엔트로피는 클래스가 두 개일 때 쓰는데, 이 데이터셋에는 {classes}개가 있습니다. softmax 유닛 {classes}개와 희소 범주형 교차 엔트로피를 쓰세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="297" />
      <source>Switch to sparse categorical cross-entropy ({classes} softmax units)</source>
      <translation>희소 범주형 교차 엔트로피로 바꾸기 (softmax 유닛 {classes}개)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="307" />
      <source>The output uses softmax with binary cross-entropy. Softmax over one unit always gives 1, so nothing can be learned. Binary cross-entropy wants one sigmoid unit (or switch the loss to sparse categorical cross-entropy with 2 softmax units).</source>
      <translation>출력층이 이진 교차 엔트로피와 함께 softmax를 씁니다. 유닛 하나에 softmax를 쓰면 항상 1이 나와 아무것도 배울 수 없습니다. 이진 교차 엔트로피에는 sigmoid 유닛 하나가 필요합니다(또는 손실 함수를 희소 범주형 교차 엔트로피로 바꾸고 softmax 유닛 2개를 쓰세요).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="313" />
      <source>The output uses softmax with binary cross-entropy. Binary cross-entropy wants one sigmoid unit (or switch the loss to sparse categorical cross-entropy with 2 softmax units).</source>
      <translation>출력층이 이진 교차 엔트로피와 함께 softmax를 씁니다. 이진 교차 엔트로피에는 sigmoid 유닛 하나가 필요합니다(또는 손실 함수를 희소 범주형 교차 엔트로피로 바꾸고 softmax 유닛 2개를 쓰세요).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="319" />
      <source>Use 1 sigmoid unit</source>
      <translation>sigmoid 유닛 1개 사용</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="327" />
      <source>Binary cross-entropy wants one output unit (the probability of class 1), but the output layer has {units}; each unit would learn its own yes/no question.</source>
      <translation>이진 교차 엔트로피에는 출력 유닛이 하나(클래스 1일 확률) 필요한데 출력층의 유닛은 {units}개입니다. 이대로면 유닛마다 따로 예/아니요 문제를 배우게 됩니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="333" />
      <source>Set the output layer to 1 unit</source>
      <translation>출력층을 유닛 1개로</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="341" />
      <source>The output uses {activation}, so it is not a probability between 0 and 1; binary cross-entropy needs sigmoid on the output.</source>
      <translation>출력층이 {activation}을(를) 써서 0과 1 사이의 확률이 아닙니다. 이진 교차 엔트로피에는 출력층의 sigmoid가 필요합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="347" />
      <source>Use sigmoid</source>
      <translation>sigmoid 사용</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="356" />
      <source>Use binary cross-entropy (sigmoid)</source>
      <translation>이진 교차 엔트로피 사용 (sigmoid)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="363" />
      <source>Use sparse categorical cross-entropy ({classes} softmax units)</source>
      <translation>희소 범주형 교차 엔트로피 사용 (softmax 유닛 {classes}개)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="368" />
      <source>The data set has {classes} classes, but the output layer has {units} unit(s); with {loss} the output needs one unit per class (the labels become one-hot).</source>
      <translation>데이터셋의 클래스는 {classes}개인데 출력층의 유닛은 {units}개입니다. 손실 함수가 {loss}이면 클래스마다 출력 유닛이 하나씩 필요합니다(레이블은 원-핫으로 바뀝니다).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="380" />
      <source>The labels are classes, but {loss} is a loss for numbers. It can work, but a cross-entropy loss learns classes faster and more reliably.</source>
      <translation>레이블은 클래스인데 {loss}은(는) 수치를 예측할 때 쓰는 손실 함수입니다. 동작은 하지만 교차 엔트로피 손실이 클래스를 더 빠르고 안정적으로 배웁니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="408" />
      <source>The targets are numbers (regression), but {loss} is a loss for classes. Use mean squared error with a linear output.</source>
      <translation>타깃은 수치(회귀)인데 손실 함수 {loss}은(는) 분류용입니다. 선형 출력과 평균 제곱 오차를 쓰세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="414" />
      <source>Use mse with a linear output</source>
      <translation>선형 출력과 mse 사용</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="421" />
      <source>Each sample has {targets} target value(s), but the output layer has {units} unit(s).</source>
      <translation>샘플마다 타깃 값이 {targets}개인데 출력층의 유닛은 {units}개입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="426" />
      <source>Set the output layer to {targets} unit(s)</source>
      <translation>출력층을 유닛 {targets}개로</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="443" />
      <source>The output uses {activation}, which cannot give every target value (they range from {low} to {high}); a regression output is usually linear.</source>
      <translation>출력층이 {activation}을(를) 써서 모든 타깃 값({low}부터 {high}까지)을 낼 수 없습니다. 회귀의 출력층은 보통 선형(linear)입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="448" />
      <source>The output uses {activation}, which cannot give every target value; a regression output is usually linear.</source>
      <translation>출력층이 {activation}을(를) 써서 모든 타깃 값을 낼 수 없습니다. 회귀의 출력층은 보통 선형(linear)입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/checks.py" line="454" />
      <source>Use a linear output</source>
      <translation>선형 출력 사용</translation>
    </message>
  </context>
  <context>
    <name>commands</name>
    <message>
      <location filename="../../nnstudio/gui/commands.py" line="40" />
      <source>Add {type} layer</source>
      <translation>{type} 층 추가</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/commands.py" line="54" />
      <source>Delete {name}</source>
      <translation>{name} 삭제</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/commands.py" line="69" />
      <source>Move {name}</source>
      <translation>{name} 이동</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/commands.py" line="86" />
      <source>Change {name}</source>
      <translation>{name} 변경</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/commands.py" line="107" />
      <source>Change training settings</source>
      <translation>학습 설정 변경</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/commands.py" line="120" />
      <source>Use data set {name}</source>
      <translation>데이터셋 {name} 사용</translation>
    </message>
  </context>
  <context>
    <name>datasets</name>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="22" />
      <source>T-shirt/top</source>
      <translation>티셔츠/탑</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="23" />
      <source>Trouser</source>
      <translation>바지</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="24" />
      <source>Pullover</source>
      <translation>풀오버</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="25" />
      <source>Dress</source>
      <translation>드레스</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="26" />
      <source>Coat</source>
      <translation>코트</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="27" />
      <source>Sandal</source>
      <translation>샌들</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="28" />
      <source>Shirt</source>
      <translation>셔츠</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="29" />
      <source>Sneaker</source>
      <translation>운동화</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="30" />
      <source>Bag</source>
      <translation>가방</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="31" />
      <source>Ankle boot</source>
      <translation>앵클 부츠</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="108" />
      <source>AND gate</source>
      <translation>AND 게이트</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="109" />
      <source>Output 1 only when both inputs are 1: one straight line separates the answers.</source>
      <translation>두 입력이 모두 1일 때만 1을 출력합니다. 직선 하나로 답을 나눌 수 있습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="115" />
      <source>OR gate</source>
      <translation>OR 게이트</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="116" />
      <source>Output 1 when at least one input is 1: one straight line separates the answers.</source>
      <translation>입력 중 하나라도 1이면 1을 출력합니다. 직선 하나로 답을 나눌 수 있습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="122" />
      <source>NAND gate</source>
      <translation>NAND 게이트</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="123" />
      <source>Output 0 only when both inputs are 1: the opposite of AND.</source>
      <translation>두 입력이 모두 1일 때만 0을 출력합니다. AND의 반대입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="129" />
      <source>XOR gate</source>
      <translation>XOR 게이트</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="130" />
      <source>Output 1 when the inputs differ: no single straight line works, so it needs a hidden layer.</source>
      <translation>두 입력이 서로 다를 때 1을 출력합니다. 직선 하나로는 나눌 수 없어서 은닉층이 필요합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="139" />
      <source>Animals: fur and wings</source>
      <translation>동물: 털과 날개</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="140" />
      <source>Six animals described by fur and wings, sorted into mammal, bird or other.</source>
      <translation>털과 날개로 설명한 동물 여섯 마리를 포유류, 조류, 기타로 분류합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="146" />
      <source>Circles</source>
      <translation>원</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="147" />
      <source>Two rings of points, one inside the other: no straight line separates them.</source>
      <translation>안쪽과 바깥쪽 두 개의 고리 모양 점들입니다. 직선으로는 나눌 수 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="153" />
      <source>Two moons</source>
      <translation>두 개의 달</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="154" />
      <source>Two interlocking half-moons: the boundary between them has to bend.</source>
      <translation>서로 맞물린 반달 두 개입니다. 경계가 휘어져야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="160" />
      <source>Spirals</source>
      <translation>나선</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="161" />
      <source>Spiral arms wound around each other, one class per arm: hard, needs a deeper network.</source>
      <translation>서로 감긴 나선 팔, 팔마다 클래스 하나입니다. 어려운 문제라 더 깊은 신경망이 필요합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="167" />
      <source>Blobs</source>
      <translation>덩어리</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="168" />
      <source>Round clusters of points, one class each: the easiest case to separate.</source>
      <translation>클래스마다 둥글게 모인 점들입니다. 가장 나누기 쉬운 경우입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="174" />
      <source>Checkerboard</source>
      <translation>체커보드</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="175" />
      <source>Points on a checkerboard, the class is the colour of the square: many small regions to learn.</source>
      <translation>체커보드 위의 점들이며, 칸의 색이 클래스입니다. 배워야 할 작은 영역이 많습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="184" />
      <source>XOR cloud</source>
      <translation>XOR 점 구름</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="185" />
      <source>Points in four quadrants where opposite corners share a class: XOR as a cloud.</source>
      <translation>네 사분면의 점들이며, 마주 보는 모서리끼리 같은 클래스입니다. 점 구름으로 만든 XOR입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="191" />
      <source>Straight line</source>
      <translation>직선</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="192" />
      <source>Noisy points around y = 2x + 1: regression a single neuron can learn.</source>
      <translation>y = 2x + 1 주변의 잡음 섞인 점들입니다. 뉴런 하나로 배울 수 있는 회귀 문제입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="198" />
      <source>Sine wave</source>
      <translation>사인파</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="199" />
      <source>Noisy points on one wave of y = sin(x): a curve that needs hidden units.</source>
      <translation>y = sin(x) 한 주기 위의 잡음 섞인 점들입니다. 은닉 유닛이 필요한 곡선입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="205" />
      <source>Plane</source>
      <translation>평면</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="206" />
      <source>Two inputs and one output on the flat plane y = 2·x1 − x2 + 0.5.</source>
      <translation>평면 y = 2·x1 − x2 + 0.5 위의 입력 두 개와 출력 하나입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="212" />
      <source>MNIST digits (5,000 sample)</source>
      <translation>MNIST 숫자 (5,000개 표본)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="213" />
      <source>5,000 real handwritten digits 0-9, 28x28 pixels, shipped with nnstudio: works offline.</source>
      <translation>실제 손글씨 숫자 0~9 5,000개, 28x28 픽셀. nnstudio에 들어 있어 오프라인에서도 됩니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="221" />
      <source>MNIST digits (full, 70,000)</source>
      <translation>MNIST 숫자 (전체, 70,000개)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="222" />
      <source>The full 70,000 handwritten digits (60,000 train, 10,000 test); downloaded once (about 11 MB) and kept.</source>
      <translation>손글씨 숫자 전체 70,000개(훈련 60,000, 테스트 10,000). 한 번 내려받아(약 11 MB) 보관합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="231" />
      <source>Fashion-MNIST clothing</source>
      <translation>Fashion-MNIST 의류</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/catalog.py" line="232" />
      <source>70,000 small photos of clothes in 10 kinds (shirt, sneaker, bag...); a harder drop-in for MNIST.</source>
      <translation>10종류 옷(셔츠, 운동화, 가방…)의 작은 사진 70,000장. MNIST 대신 쓰는 더 어려운 데이터셋입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/generators.py" line="133" />
      <source>other</source>
      <translation>기타</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/generators.py" line="133" />
      <source>mammal</source>
      <translation>포유류</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/generators.py" line="133" />
      <source>bird</source>
      <translation>조류</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/generators.py" line="134" />
      <source>fur</source>
      <translation>털</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/generators.py" line="134" />
      <source>wings</source>
      <translation>날개</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <location filename="../../nnstudio/gui/dialogs.py" line="32" />
      <source>Unsaved changes</source>
      <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/dialogs.py" line="33" />
      <source>“{name}” has changes that are not saved. Save them before continuing?</source>
      <translation>“{name}”에 저장하지 않은 변경 사항이 있습니다. 계속하기 전에 저장할까요?</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/dialogs.py" line="47" />
      <source>Restore unsaved work?</source>
      <translation>저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/dialogs.py" line="48" />
      <source>nnstudio closed without saving “{name}”. An automatic copy from {when} was kept. Restore unsaved work?</source>
      <translation>nnstudio가 “{name}”을(를) 저장하지 않고 종료되었습니다. {when}에 자동 저장된 사본이 있습니다. 저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/dialogs.py" line="71" />
      <source>This project has no lesson description.</source>
      <translation>이 프로젝트에는 수업 설명이 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/dialogs.py" line="74" />
      <source>Lesson: {title}</source>
      <translation>수업: {title}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/dialogs.py" line="82" />
      <source>About nnstudio</source>
      <translation>nnstudio 정보</translation>
    </message>
    <message>
      <location filename="../../nnstudio/gui/dialogs.py" line="83" />
      <source>&lt;b&gt;nnstudio {version}&lt;/b&gt;&lt;p&gt;A desktop studio for learning how neural networks train: drag layers into a network, pick activations, a loss and an optimizer, load a toy problem or MNIST, and watch a NumPy backprop engine learn, live.&lt;/p&gt;&lt;p&gt;The engine uses Keras 3 names and defaults, so what you learn here carries over to your textbook.&lt;/p&gt;</source>
      <translation>&lt;b&gt;nnstudio {version}&lt;/b&gt;&lt;p&gt;신경망이 어떻게 학습하는지 배우는 데스크톱 스튜디오입니다. 층을 끌어다 신경망을 만들고, 활성화 함수·손실 함수·옵티마이저를 고르고, 연습 문제나 MNIST를 불러와 NumPy 역전파 엔진이 실시간으로 학습하는 모습을 지켜보세요.&lt;/p&gt;&lt;p&gt;엔진은 Keras 3의 이름과 기본값을 그대로 쓰므로 여기서 배운 것을 교재에서도 그대로 쓸 수 있습니다.&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <location filename="../../nnstudio/data/files.py" line="56" />
      <source>{file} is {size} MB; nnstudio reads CSV files up to {limit} MB.</source>
      <translation>{file}의 크기는 {size} MB입니다. nnstudio는 {limit} MB까지의 CSV 파일을 읽습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="65" />
      <source>{file} is not a text file (it contains binary bytes); expected a CSV table.</source>
      <translation>{file}은(는) 텍스트 파일이 아닙니다(바이너리 바이트가 들어 있습니다). CSV 표여야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="82" />
      <source>There is no file “{path}”.</source>
      <translation>“{path}” 파일이 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="84" />
      <source>“{path}” is a folder, not a CSV file.</source>
      <translation>“{path}”은(는) CSV 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="87" />
      <source>nnstudio may not read “{path}” (permission denied).</source>
      <translation>nnstudio가 “{path}”을(를) 읽을 권한이 없습니다(권한 거부).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="95" />
      <source>Could not read “{path}”: {reason}.</source>
      <translation>“{path}”을(를) 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="116" />
      <source>{file} is not a valid CSV table ({reason}).</source>
      <translation>{file}은(는) 올바른 CSV 표가 아닙니다({reason}).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="140" />
      <source>{file} is empty; expected a table with one sample per row.</source>
      <translation>{file}이(가) 비어 있습니다. 한 행에 샘플 하나씩 담긴 표여야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="209" />
      <source>{file} has no rows; expected a table with one sample per row.</source>
      <translation>{file}에 행이 없습니다. 한 행에 샘플 하나씩 담긴 표여야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="216" />
      <source>{file} has a header but no data rows; expected one sample per row below it.</source>
      <translation>{file}에 머리글은 있지만 데이터 행이 없습니다. 머리글 아래에 한 행에 샘플 하나씩 있어야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="222" />
      <source>{file} has only {width} column; expected at least one feature column and one label column.</source>
      <translation>{file}에는 열이 {width}개뿐입니다. 입력(특성) 열이 하나 이상, 레이블 열이 하나 있어야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="244" />
      <source>{file} has no column “{column}”; its columns are {names} (or give a number from 0 to {last}).</source>
      <translation>{file}에는 “{column}” 열이 없습니다. 있는 열은 {names}입니다(또는 0부터 {last}까지의 번호를 주세요).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="267" />
      <source>{file}, line {line}, has {count} values but the table has {width} columns; every row must have the same number of values.</source>
      <translation>{file}의 {line}번째 줄에는 값이 {count}개 있지만 표의 열은 {width}개입니다. 모든 행의 값 개수가 같아야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="280" />
      <source>{file}, line {line}, column “{column}” has a missing value (“{cell}”); fill it in or remove the row.</source>
      <translation>{file}의 {line}번째 줄, “{column}” 열에 빠진 값(“{cell}”)이 있습니다. 값을 채우거나 그 행을 지우세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="292" />
      <source>{file}, line {line}, column “{column}” holds “{cell}”, which is not a number; feature columns must be numbers.</source>
      <translation>{file}의 {line}번째 줄, “{column}” 열의 값 “{cell}”은(는) 숫자가 아닙니다. 입력(특성) 열은 숫자여야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="303" />
      <source>{file}, line {line}, column “{column}” holds “{cell}”, too large for nnstudio's 32-bit numbers (up to about 3.4e38).</source>
      <translation>{file}의 {line}번째 줄, “{column}” 열의 값 “{cell}”은(는) nnstudio의 32비트 숫자(약 3.4e38까지)로 담기에 너무 큽니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="316" />
      <source>{file}, line {line}, label column “{column}” is missing (“{cell}”); fill it in or remove the row.</source>
      <translation>{file}의 {line}번째 줄에서 레이블 열 “{column}”의 값이 빠져 있습니다(“{cell}”). 값을 채우거나 그 행을 지우세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="369" />
      <source>{file}: the target column “{column}” holds “{cell}”, which is not a number; regression needs numeric targets.</source>
      <translation>{file}: 목표 열 “{column}”의 값 “{cell}”은(는) 숫자가 아닙니다. 회귀에는 숫자 목표값이 필요합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="379" />
      <source>{file}: the target column “{column}” holds a value too large for nnstudio's 32-bit numbers (up to about 3.4e38).</source>
      <translation>{file}: 목표 열 “{column}”에 nnstudio의 32비트 숫자(약 3.4e38까지)로 담기에 너무 큰 값이 있습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="405" />
      <source>{file}: column “{column}” has more than {limit} different labels; nnstudio handles at most {limit} classes (is it really the label column?).</source>
      <translation>{file}: “{column}” 열에는 서로 다른 레이블이 {limit}개보다 많습니다. nnstudio는 클래스를 {limit}개까지만 다룹니다(정말 레이블 열이 맞나요?).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/data/files.py" line="416" />
      <source>{file}: every row has the label “{label}”; a classifier needs at least two different classes in column “{column}”.</source>
      <translation>{file}: 모든 행의 레이블이 “{label}”입니다. 분류기에는 “{column}” 열에 서로 다른 클래스가 두 개 이상 있어야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/build.py" line="198" />
      <source>The project uses your own data file, but no file is set; use Open file… in the Data panel to choose one.</source>
      <translation>이 프로젝트는 직접 준비한 데이터 파일을 쓰지만 파일이 지정되지 않았습니다. 데이터 패널의 파일 열기…로 파일을 고르세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/build.py" line="203" />
      <source>The project uses the data set “{name}”, which this nnstudio does not have; choose one of {names}.</source>
      <translation>이 프로젝트는 “{name}” 데이터셋을 쓰지만 이 nnstudio에는 그 데이터셋이 없습니다. 다음 중 하나를 고르세요: {names}.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/build.py" line="223" />
      <source>The project gives the data set “{name}” the setting “{key}”, which it does not have (its settings: {known}); remove it in the Data panel.</source>
      <translation>이 프로젝트는 “{name}” 데이터셋에 없는 설정 “{key}”을(를) 줍니다(있는 설정: {known}). 데이터 패널에서 지우세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/build.py" line="235" />
      <source>The data set setting {key}={value} should be a plain number or name.</source>
      <translation>데이터셋 설정 {key}={value}은(는) 숫자나 이름 하나여야 합니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/build.py" line="241" />
      <source>The data set setting {key} should be true or false, received: {value}.</source>
      <translation>데이터셋 설정 {key}은(는) 참(true)이나 거짓(false)이어야 하는데 {value}을(를) 받았습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/build.py" line="248" />
      <source>The data set setting {key} should be a number, received: {value}.</source>
      <translation>데이터셋 설정 {key}은(는) 숫자여야 하는데 {value}을(를) 받았습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/build.py" line="254" />
      <source>The data set setting {key}={value} is out of range; use a smaller number.</source>
      <translation>데이터셋 설정 {key}={value}은(는) 범위를 벗어납니다. 더 작은 숫자를 쓰세요.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/fileformat.py" line="219" />
      <source>Could not open {name}: there is no such file ({path}).</source>
      <translation>{name}을(를) 열 수 없습니다: 그런 파일이 없습니다({path}).</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/fileformat.py" line="223" />
      <source>Could not open {name}: it is a folder, not a project file.</source>
      <translation>{name}을(를) 열 수 없습니다: 프로젝트 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/fileformat.py" line="227" />
      <source>Could not open {name}: you do not have permission to read it.</source>
      <translation>{name}을(를) 열 수 없습니다: 읽을 권한이 없습니다.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/fileformat.py" line="231" />
      <source>Could not open {name}: {reason}.</source>
      <translation>{name}을(를) 열 수 없습니다: {reason}.</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/fileformat.py" line="318" />
      <source>Could not open {name}: it was made by a newer nnstudio (format {version}); this version reads up to {known}, so update nnstudio to open it.</source>
      <translation>{name}을(를) 열 수 없습니다: 더 새로운 nnstudio로 만든 파일입니다(형식 {version}). 이 버전은 형식 {known}까지 읽으니, nnstudio를 업데이트한 뒤 여세요.</translation>
    </message>
  </context>
  <context>
    <name>keras_import</name>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="170" />
      <source>{name} is not imported in this code; taken as {path}</source>
      <translation>{name}을(를) 이 코드에서 import하지 않았습니다. {path}(으)로 보았습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="191" />
      <source>too deeply nested</source>
      <translation>너무 깊이 중첩된 식</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="218" />
      <source>a calculation that fails</source>
      <translation>실패하는 계산</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="221" />
      <source>a calculation</source>
      <translation>계산식</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="227" />
      <source>a name whose value this code does not set plainly</source>
      <translation>이 코드가 값을 단순하게 정하지 않은 이름</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="229" />
      <source>a function call</source>
      <translation>함수 호출</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="231" />
      <source>a value known only when the code runs</source>
      <translation>코드를 실행해야만 알 수 있는 값</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="232" />
      <source>an expression</source>
      <translation>식</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="301" />
      <source>the model class {name} is not understood (a model written as a class); write the network as Sequential([...])</source>
      <translation>모델 클래스 {name}은(는) 이해하지 못했습니다(클래스로 작성한 모델). 네트워크를 Sequential([...])로 작성하세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="355" />
      <source>keras.layers has no {name}: did you mean {guess}? (Python would stop here with an ImportError; fix the spelling)</source>
      <translation>keras.layers에는 {name}이(가) 없습니다. {guess}을(를) 쓰려던 것인가요? (파이썬은 여기서 ImportError로 멈춥니다. 철자를 고치세요)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="373" />
      <source>keras.optimizers has no {name}: did you mean {guess}? (Python would stop here with an ImportError; fix the spelling)</source>
      <translation>keras.optimizers에는 {name}이(가) 없습니다. {guess}을(를) 쓰려던 것인가요? (파이썬은 여기서 ImportError로 멈춥니다. 철자를 고치세요)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="437" />
      <source>the functional API (Model(inputs, outputs)) is not understood yet; write the network as Sequential([...])</source>
      <translation>함수형 API(Model(inputs, outputs))는 아직 이해하지 못합니다. 네트워크를 Sequential([...])로 작성하세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="467" />
      <source>{var} is not made with Sequential() in this code; taken as a Sequential model</source>
      <translation>이 코드에서 {var}을(를) Sequential()로 만들지 않았습니다. Sequential 모델로 보았습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="498" />
      <source>the seed {code} is {what}; nnstudio's seed 0 is used</source>
      <translation>시드 {code}은(는) {what}입니다. nnstudio의 시드 0을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="531" />
      <source>the layers {code} are not a written-out list; write Sequential([Dense(...), ...])</source>
      <translation>층 {code}이(가) 직접 쓴 목록이 아닙니다. Sequential([Dense(...), ...])처럼 쓰세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="546" />
      <source>{code} is not understood: add() takes one layer</source>
      <translation>{code}은(는) 이해하지 못했습니다. add()에는 층 하나를 넣습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="560" />
      <source>{code} is not understood as a layer; left out</source>
      <translation>{code}은(는) 층으로 이해하지 못해 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="573" />
      <source>{code} is not a Keras layer nnstudio knows; left out</source>
      <translation>{code}은(는) nnstudio가 아는 케라스 층이 아니라서 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="582" />
      <source>{name} is a Keras layer nnstudio does not have (it has {have}); left out</source>
      <translation>{name}은(는) nnstudio에 없는 케라스 층이라서 뺐습니다(있는 층: {have})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="592" />
      <source>Keras has no layer {name}: did you mean {guess}? Left out</source>
      <translation>케라스에는 {name} 층이 없습니다. {guess}을(를) 쓰려던 것인가요? 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="600" />
      <source>{name} is not a Keras layer nnstudio knows; left out</source>
      <translation>{name}은(는) nnstudio가 아는 케라스 층이 아니라서 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="607" />
      <source>{name} is not supported yet; left out</source>
      <translation>{name}은(는) 아직 지원하지 않아서 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="620" />
      <source>{name}({key}={value}) is not supported (nnstudio has {key}={default}); left out</source>
      <translation>{name}({key}={value})은(는) 지원하지 않아서 뺐습니다(nnstudio는 {key}={default})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="639" />
      <source>{name}({key}=...) is not a setting nnstudio has; the layer came in without it</source>
      <translation>{name}({key}=...)은(는) nnstudio에 없는 설정입니다. 그 설정 없이 층을 가져왔습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="671" />
      <source>{what}(...) has more positional arguments than Keras takes; left out</source>
      <translation>{what}(...)에 케라스가 받는 것보다 많은 위치 인자가 있어서 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="681" />
      <source>{code} is not understood (**arguments); left out</source>
      <translation>{code}은(는) 이해하지 못해 뺐습니다(**인자)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="703" />
      <source>{key}={code} is {what}; the input shape comes from the data set</source>
      <translation>{key}={code}은(는) {what}입니다. 입력 형태는 데이터셋에서 정해집니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="713" />
      <source>{what}({key}={code}) is not understood ({kind}; nnstudio reads only plain values and runs nothing); left out</source>
      <translation>{what}({key}={code})은(는) 이해하지 못해 뺐습니다({kind}. nnstudio는 단순한 값만 읽고 아무것도 실행하지 않습니다)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="735" />
      <source>{layer}(activation={code}) is not understood; left out</source>
      <translation>{layer}(activation={code})은(는) 이해하지 못해 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="744" />
      <source>the activation {name!r} is not in nnstudio (it has {have}); the layer was left out</source>
      <translation>활성화 함수 {name!r}은(는) nnstudio에 없어서 층을 뺐습니다(있는 함수: {have})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="797" />
      <source>{value!r}: {reason}; left at the default</source>
      <translation>{value!r}: {reason}. 기본값을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="820" />
      <source>{code} is not understood ({kind}); left at the default</source>
      <translation>{code}은(는) 이해하지 못했습니다({kind}). 기본값을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="829" />
      <source>{code}: {reason}; left at the default</source>
      <translation>{code}: {reason}. 기본값을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="837" />
      <source>{code} is not understood; left at the default</source>
      <translation>{code}은(는) 이해하지 못했습니다. 기본값을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="893" />
      <source>the input shape {shape} is not understood; it comes from the data set</source>
      <translation>입력 형태 {shape}은(는) 이해하지 못했습니다. 데이터셋에서 정해집니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="902" />
      <source>the input shape is given after the first layer; taken as the network's input</source>
      <translation>입력 형태가 첫 번째 층 뒤에 나옵니다. 네트워크의 입력으로 보았습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="927" />
      <source>compile({key}=...) is not a setting nnstudio has; left out</source>
      <translation>compile({key}=...)은(는) nnstudio에 없는 설정이라서 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="952" />
      <source>the optimizer {name!r} is not in nnstudio (it has SGD, RMSprop, Adagrad, Adam); nnstudio's Adam is used</source>
      <translation>옵티마이저 {name!r}은(는) nnstudio에 없습니다(SGD, RMSprop, Adagrad, Adam이 있습니다). nnstudio의 Adam을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="966" />
      <source>the optimizer {code} is not understood; nnstudio's Adam is used</source>
      <translation>옵티마이저 {code}은(는) 이해하지 못했습니다. nnstudio의 Adam을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="975" />
      <source>the optimizer {name} is not in nnstudio (it has SGD, RMSprop, Adagrad, Adam); nnstudio's Adam is used</source>
      <translation>옵티마이저 {name}은(는) nnstudio에 없습니다(SGD, RMSprop, Adagrad, Adam이 있습니다). nnstudio의 Adam을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="990" />
      <source>{code} is not understood (**arguments); nnstudio's Adam is used</source>
      <translation>{code}은(는) 이해하지 못했습니다(**인자). nnstudio의 Adam을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1000" />
      <source>{name}({key}={code}) is not understood ({kind}); left at the default</source>
      <translation>{name}({key}={code})은(는) 이해하지 못했습니다({kind}). 기본값을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1011" />
      <source>lr is the old name of learning_rate (Keras 3 refuses it); taken as learning_rate</source>
      <translation>lr은 learning_rate의 옛 이름입니다(케라스 3은 받지 않습니다). learning_rate로 보았습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1022" />
      <source>{name}({key}=...) is not a setting nnstudio has; left out</source>
      <translation>{name}({key}=...)은(는) nnstudio에 없는 설정이라서 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1035" />
      <source>{code}: {reason}; nnstudio's Adam is used</source>
      <translation>{code}: {reason}. nnstudio의 Adam을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1065" />
      <source>from_logits=True is not supported (put a softmax or sigmoid at the end instead); the loss came in without it</source>
      <translation>from_logits=True는 지원하지 않습니다(대신 마지막에 softmax나 sigmoid를 두세요). 그 설정 없이 손실을 가져왔습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1074" />
      <source>the loss setting {key}=... is not supported; left out</source>
      <translation>손실 설정 {key}=...은(는) 지원하지 않아서 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1088" />
      <source>the loss {code} is not understood; nnstudio's default loss is used</source>
      <translation>손실 {code}은(는) 이해하지 못했습니다. nnstudio의 기본 손실을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1099" />
      <source>the loss {name!r} is not in nnstudio (it has {have}); nnstudio's default loss is used</source>
      <translation>손실 {name!r}은(는) nnstudio에 없습니다(있는 손실: {have}). nnstudio의 기본 손실을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1133" />
      <source>the metric {code} is not understood; left out</source>
      <translation>지표 {code}은(는) 이해하지 못해 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1143" />
      <source>the metric {name!r} is not in nnstudio (it has {have}); left out</source>
      <translation>지표 {name!r}은(는) nnstudio에 없어서 뺐습니다(있는 지표: {have})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1162" />
      <source>fit({key}={code}) is not understood ({kind}); nnstudio's default is used</source>
      <translation>fit({key}={code})은(는) 이해하지 못했습니다({kind}). nnstudio의 기본값을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1179" />
      <source>fit({key}={value}) is not a valid setting; nnstudio's default is used</source>
      <translation>fit({key}={value})은(는) 올바른 설정이 아닙니다. nnstudio의 기본값을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1194" />
      <source>fit(shuffle=...) is not a setting nnstudio has (it always shuffles); left out</source>
      <translation>fit(shuffle=...)은(는) nnstudio에 없는 설정이라서 뺐습니다(항상 섞습니다)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1203" />
      <source>fit(validation_data=...) is not understood: nnstudio holds back validation_split of the training data instead; left out</source>
      <translation>fit(validation_data=...)은(는) 이해하지 못해 뺐습니다. nnstudio는 대신 훈련 데이터의 validation_split만큼을 떼어 둡니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1212" />
      <source>fit({key}=...) is not a setting nnstudio has; left out</source>
      <translation>fit({key}=...)은(는) nnstudio에 없는 설정이라서 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1279" />
      <source>{name} is {size:.1f} MB; Keras model code is a few kB, and nnstudio reads files of up to 1 MB</source>
      <translation>{name}은(는) {size:.1f} MB입니다. 케라스 모델 코드는 몇 kB이고, nnstudio는 1 MB까지의 파일만 읽습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1289" />
      <source>{name} could not be read ({reason})</source>
      <translation>{name}을(를) 읽을 수 없습니다 ({reason})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1297" />
      <source>{name} is not a UTF-8 text file, so it cannot be Python code nnstudio reads</source>
      <translation>{name}은(는) UTF-8 텍스트 파일이 아니라서 nnstudio가 읽을 수 있는 파이썬 코드가 아닙니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1306" />
      <source>the code is {size:.1f} MB; Keras model code is a few kB, and nnstudio reads up to 1 MB</source>
      <translation>코드가 {size:.1f} MB입니다. 케라스 모델 코드는 몇 kB이고, nnstudio는 1 MB까지만 읽습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1324" />
      <source>this is not valid Python ({reason}), so nnstudio cannot read the code; fix the line and import again: {code}</source>
      <translation>올바른 파이썬 코드가 아니라서({reason}) nnstudio가 코드를 읽을 수 없습니다. 이 줄을 고친 뒤 다시 가져오세요: {code}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1334" />
      <source>this is not Python code nnstudio can read ({reason})</source>
      <translation>nnstudio가 읽을 수 있는 파이썬 코드가 아닙니다 ({reason})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1340" />
      <source>the code is nested too deeply to read</source>
      <translation>코드가 너무 깊이 중첩되어 읽을 수 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1354" />
      <source>no Keras model with layers nnstudio understands was found ({first})</source>
      <translation>nnstudio가 이해하는 층을 가진 케라스 모델을 찾지 못했습니다 ({first})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1358" />
      <source>no Keras model was found: the code has no Sequential([...]) and no model.add(...)</source>
      <translation>케라스 모델을 찾지 못했습니다. 코드에 Sequential([...])도 model.add(...)도 없습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1366" />
      <source>a second model{var} is not imported: nnstudio takes one model per file, the first</source>
      <translation>두 번째 모델{var}은(는) 가져오지 않았습니다. nnstudio는 파일마다 첫 번째 모델 하나만 가져옵니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1405" />
      <source>{layer}: {reason}; left out</source>
      <translation>{layer}: {reason}. 뺐습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1414" />
      <source>no layer of the model could be taken ({first})</source>
      <translation>모델의 층을 하나도 가져올 수 없습니다 ({first})</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1436" />
      <source>the code does not compile() the model: nnstudio's loss and optimizer are used; check them in the Training panel</source>
      <translation>코드에서 모델을 compile()하지 않습니다. nnstudio의 손실과 옵티마이저를 쓰니 학습 패널에서 확인하세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1443" />
      <source>compile() names no loss: nnstudio's default loss is used</source>
      <translation>compile()에 손실이 없습니다. nnstudio의 기본 손실을 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1448" />
      <source>the code does not fit() the model: nnstudio's epochs and batch size are used</source>
      <translation>코드에서 모델을 fit()하지 않습니다. nnstudio의 에포크와 배치 크기를 씁니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1467" />
      <source>the code does not give the input shape; taken from the data set: {shape}</source>
      <translation>코드에 입력 형태가 없습니다. 데이터셋에서 가져왔습니다: {shape}</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1484" />
      <source>the input shape {shape} has more than one axis and the network does not start with Flatten; it is taken flat, as ({size},)</source>
      <translation>입력 형태 {shape}은(는) 축이 둘 이상인데 네트워크가 Flatten으로 시작하지 않으므로 ({size},)로 펼쳐서 보았습니다</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1509" />
      <source>the data set keras.datasets.{name} is not built into nnstudio; choose a data set in the Data panel</source>
      <translation>데이터셋 keras.datasets.{name}은(는) nnstudio에 들어 있지 않습니다. 데이터 패널에서 데이터셋을 고르세요</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1520" />
      <source>no data set was recognised; 784 inputs look like MNIST digits, so the bundled MNIST sample was chosen (change it in the Data panel)</source>
      <translation>알아볼 수 있는 데이터셋이 없습니다. 입력 784개는 MNIST 숫자처럼 보여서 함께 들어 있는 MNIST 샘플을 골랐습니다(데이터 패널에서 바꿀 수 있습니다)</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/keras_import.py" line="1526" />
      <source>no data set was recognised; XOR was chosen: choose your data in the Data panel</source>
      <translation>알아볼 수 있는 데이터셋이 없어서 XOR을 골랐습니다. 데이터 패널에서 데이터를 고르세요</translation>
    </message>
  </context>
  <context>
    <name>lessons</name>
    <message>
      <location filename="../../nnstudio/project/examples.py" line="50" />
      <source>XOR: why one neuron is not enough</source>
      <translation>XOR: 뉴런 하나로는 왜 안 될까</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/examples.py" line="96" />
      <source>Logic gates: AND, OR, NAND with one neuron</source>
      <translation>논리 게이트: 뉴런 하나로 AND, OR, NAND</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/examples.py" line="153" />
      <source>Animals: mammal, bird or other from fur and wings</source>
      <translation>동물: 털과 날개로 포유류, 조류, 기타 구분하기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/examples.py" line="203" />
      <source>Spirals: a boundary that winds</source>
      <translation>나선: 휘감기는 결정 경계</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/examples.py" line="249" />
      <source>MNIST: reading handwritten digits</source>
      <translation>MNIST: 손글씨 숫자 읽기</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/examples.py" line="293" />
      <source>MNIST images: the TensorFlow quickstart</source>
      <translation>MNIST 이미지: 텐서플로 빠른 시작</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/guided.py" line="312" />
      <source>Overfitting: when the network learns the noise</source>
      <translation>과대적합: 네트워크가 노이즈까지 외울 때</translation>
    </message>
    <message>
      <location filename="../../nnstudio/project/perceptron.py" line="243" />
      <source>XOR from gates: AND(NAND, OR)</source>
      <translation>게이트로 만든 XOR: AND(NAND, OR)</translation>
    </message>
  </context>
</TS>
