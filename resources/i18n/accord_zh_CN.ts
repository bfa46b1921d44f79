<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgreementDetailsWidget</name>
    <message>
        <source>The office that signs; by default the party&apos;s government.</source>
        <translation>签署机关；默认为该方人民政府。</translation>
    </message>
    <message>
        <source>each party keeps %1; %2 originals in all</source>
        <translation>各方各执%1份，一式%2份</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>协议名称</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Item title</source>
        <translation>事项名称</translation>
    </message>
    <message>
        <source>Item notes</source>
        <translation>事项说明</translation>
    </message>
    <message>
        <source>Signing date</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Signing place</source>
        <translation>签订地点</translation>
    </message>
    <message>
        <source>Copies per party</source>
        <translation>每方份数</translation>
    </message>
    <message>
        <source>Printed as the agreement&apos;s title: 关于…的协议</source>
        <translation>印作协议标题：关于…的协议</translation>
    </message>
    <message>
        <source>For the English reference translation (optional)</source>
        <translation>用于英文参考译本（可选）</translation>
    </message>
    <message>
        <source>Empty: the agreement&apos;s title is used</source>
        <translation>留空则使用协议名称</translation>
    </message>
    <message>
        <source>Printed after the scope of the item (有关说明)</source>
        <translation>印在事项条款之后（有关说明）</translation>
    </message>
    <message>
        <source>No date yet</source>
        <translation>暂不填日期</translation>
    </message>
    <message>
        <source>The signature blocks leave blanks for a date written by hand.</source>
        <translation>签署栏留空，日期手写。</translation>
    </message>
    <message>
        <source>e.g. Chengdu, Sichuan</source>
        <translation>例如：四川省成都市</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Signatory office</source>
        <translation>签署机关</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>授权代表</translation>
    </message>
</context>
<context>
    <name>AgreementEditorWidget</name>
    <message>
        <source>Draft label</source>
        <translation>稿本标识</translation>
    </message>
    <message>
        <source>Print a “草案 DRAFT” watermark</source>
        <translation>加印“草案 DRAFT”水印</translation>
    </message>
    <message>
        <source>大写 amounts in payment clauses</source>
        <translation>付款条款中同时写明大写金额</translation>
    </message>
    <message>
        <source>As printed:</source>
        <translation>打印效果：</translation>
    </message>
    <message>
        <source>Numbers changed since the edit:</source>
        <translation>编辑后变动的数字：</translation>
    </message>
    <message>
        <source>The text already prints the new numbers; check that it still reads right.</source>
        <translation>正文已印出新数字，请核对措辞是否仍然妥当。</translation>
    </message>
    <message>
        <source>Apply wording</source>
        <translation>采用此措辞</translation>
    </message>
    <message>
        <source>Numbers checked</source>
        <translation>数字已核对</translation>
    </message>
    <message>
        <source>Confirm that the edited wording still reads right with the new numbers</source>
        <translation>确认修改后的措辞与新的数字仍然相符</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>全部已核对</translation>
    </message>
    <message>
        <source>Confirm that every flagged article still reads right with its new numbers (one undo step)</source>
        <translation>确认所有标出的条款在新数字下措辞仍然妥当（可一步撤销）</translation>
    </message>
    <message>
        <source>Numbers are placeholders such as {total}; they always print the current amounts.</source>
        <translation>数字以 {total} 等占位符表示，打印时始终为当前金额。</translation>
    </message>
    <message>
        <source>Restore default</source>
        <translation>恢复默认措辞</translation>
    </message>
    <message>
        <source>Bound numbers (double-click):</source>
        <translation>绑定数字（双击插入）：</translation>
    </message>
    <message>
        <source>Double-click a number to insert it where the cursor is</source>
        <translation>双击一个数字，将其插入光标所在处</translation>
    </message>
    <message>
        <source>%1 articles to check</source>
        <translation>%1条待核对</translation>
    </message>
    <message>
        <source>Edited articles whose numbers changed since the edit: %1</source>
        <translation>编辑后数字有变动的条款：%1条</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>numbers changed since the edit</source>
        <translation>修改后数字已变动</translation>
    </message>
    <message>
        <source>The wording %1</source>
        <translation>措辞：%1</translation>
    </message>
    <message>
        <source>The wording has %1 characters; at most %2 are allowed</source>
        <translation>措辞共%1个字符，最多允许%2个</translation>
    </message>
    <message>
        <source>No font can print these characters: %1</source>
        <translation>以下字符没有字体可以打印：%1</translation>
    </message>
</context>
<context>
    <name>AmountEditor</name>
    <message>
        <source>Amount: %1</source>
        <translation>金额：%1</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>100m yuan</source>
        <translation>亿元</translation>
    </message>
    <message>
        <source>Amount to split; exact to the fen.</source>
        <translation>待分摊金额，精确到分。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The default scenario was opened instead. Fix the problems listed under Details.</source>
        <translation>已改为打开默认情景。请按“详细信息”中列出的问题修改文件。</translation>
    </message>
    <message>
        <source>The recovery copy could not be read (%1) and will be replaced.</source>
        <translation>恢复副本无法读取（%1），将被替换。</translation>
    </message>
    <message>
        <source>The recovery copy could not be read (%1); it was set aside as %2.</source>
        <translation>恢复副本无法读取（%1），已移至 %2。</translation>
    </message>
    <message>
        <source>The preferences file could not be read (%1) and will be replaced; defaults are used.</source>
        <translation>偏好设置文件无法读取（%1），将被替换，现使用默认设置。</translation>
    </message>
    <message>
        <source>The preferences file could not be read (%1); it was set aside as %2; defaults are used.</source>
        <translation>偏好设置文件无法读取（%1），已移至 %2，现使用默认设置。</translation>
    </message>
    <message>
        <source>The preferences were written by a newer Accord (format %1); changes last for this session only.</source>
        <translation>偏好设置由较新版本的 Accord 写入（格式 %1）；更改仅在本次会话中有效。</translation>
    </message>
    <message>
        <source>An unexpected error occurred: %1</source>
        <translation>发生意外错误：%1</translation>
    </message>
    <message>
        <source>Your scenario is unchanged. Save your work, and send the details to the Accord team.</source>
        <translation>当前情景未受影响。请保存工作，并将详细信息发给 Accord 团队。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>Accord did not close properly last time.</source>
        <translation>Accord 上次未正常关闭。</translation>
    </message>
    <message>
        <source>A recovery copy of “%1” from %2 was found. Restore it?</source>
        <translation>找到“%1”的恢复副本（保存于 %2）。是否恢复？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them?</source>
        <translation>“%1”有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>打开情景</translation>
    </message>
    <message>
        <source>Accord scenario (*.json)</source>
        <translation>Accord 情景文件 (*.json)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <source>Add a custom party</source>
        <translation>添加自定义参与方</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省级归属</translation>
    </message>
</context>
<context>
    <name>EcoWorkspace</name>
    <message>
        <source>Period P %2 · %1</source>
        <translation>全期P=%2 · %1</translation>
    </message>
    <message>
        <source>Threshold P = %1</source>
        <translation>临界值P=%1</translation>
    </message>
    <message>
        <source>Zero line</source>
        <translation>零线</translation>
    </message>
    <message>
        <source>Index P by month</source>
        <translation>逐月补偿指数P</translation>
    </message>
    <message>
        <source>Amount by month (+ upstream pays)</source>
        <translation>逐月补偿金额（正为上游支付）</translation>
    </message>
    <message>
        <source>1 = meets the target</source>
        <translation>1 = 达标</translation>
    </message>
    <message>
        <source>Sections meeting their targets by month (1 yes, 0 no)</source>
        <translation>各断面逐月达标情况（1是0否）</translation>
    </message>
    <message>
        <source>Upstream pays downstream</source>
        <translation>上游向下游支付</translation>
    </message>
    <message>
        <source>Downstream pays upstream</source>
        <translation>下游向上游支付</translation>
    </message>
    <message>
        <source>Payments by month and direction</source>
        <translation>逐月补偿支付（按方向）</translation>
    </message>
    <message>
        <source>Net of the period by party</source>
        <translation>全期各方净收支</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Pays</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Above the zero line the upstream party pays that month, below it the downstream party.</source>
        <translation>零线以上的月份由上游向下游支付，以下的月份由下游向上游支付。</translation>
    </message>
    <message>
        <source>The period&apos;s P (in the legend) decides: at or below the threshold the downstream party pays the bet, above it the upstream party.</source>
        <translation>以全期P值（见图例）判定：不超过临界值时下游向上游支付对赌金额，超过时上游向下游支付。</translation>
    </message>
    <message>
        <source>Shown: the %1 of %2 sections nearest the turn.</source>
        <translation>图中为最接近反转的%1个断面（共%2个）。</translation>
    </message>
    <message>
        <source>Bars to the right: upstream pays downstream; to the left: downstream pays upstream.</source>
        <translation>向右的条形：上游向下游支付；向左：下游向上游支付。</translation>
    </message>
    <message>
        <source>Each party&apos;s net over the period: to the right it receives, to the left it pays (who pays whom is in the table of payments).</source>
        <translation>全期各方净收支：向右为收入，向左为支出（谁向谁支付见补偿支付表）。</translation>
    </message>
    <message>
        <source>Floor: protection and opportunity cost. Ceiling: added ecosystem-service value or willingness to pay.</source>
        <translation>下限：保护成本＋机会成本；上限：生态服务价值增量或支付意愿。</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Proposed fund</source>
        <translation>拟定资金</translation>
    </message>
    <message>
        <source>Ceiling</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Negotiation zone per year</source>
        <translation>每年协商区间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Import monitoring data</source>
        <translation>导入监测数据</translation>
    </message>
    <message>
        <source>Monitoring data (*.csv *.xlsx);;All files (*)</source>
        <translation>监测数据 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export monitoring data</source>
        <translation>导出监测数据</translation>
    </message>
    <message>
        <source>Monitoring data not imported</source>
        <translation>监测数据未导入</translation>
    </message>
    <message>
        <source>“%1” was not imported: %2 problem(s) found. The monitoring data are unchanged; correct the file and import it again.</source>
        <translation>“%1”未导入：发现%2个问题。监测数据未作任何改动；请修改文件后重新导入。</translation>
    </message>
    <message>
        <source>The scenario does not say where these values come from.</source>
        <translation>方案未注明这些数值的来源。</translation>
    </message>
    <message>
        <source>Provenance: %1</source>
        <translation>来源标记：%1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>check against the original document before signing</source>
        <translation>签约前应对照原始文件查证</translation>
    </message>
    <message>
        <source>for demonstration only, not to sign on</source>
        <translation>仅作演示，不能据此签约</translation>
    </message>
    <message>
        <source>A negative amount: downstream pays upstream.</source>
        <translation>负数表示由下游向上游支付。</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Parameters by %1</source>
        <translation>按%1的参数</translation>
    </message>
    <message>
        <source>An empty weight leaves the indicator out of P. The 新安江 weights add up to 1.</source>
        <translation>权重留空表示该指标不计入P值。新安江的权重之和为1。</translation>
    </message>
    <message>
        <source>Yuan per tonne over (or under) the target; an empty cell leaves the indicator out.</source>
        <translation>超出（或低于）目标每吨的金额（元）；留空表示该指标不参与核算。</translation>
    </message>
    <message>
        <source>Relative ratios: 1 : 5 : 4 is 10 %, 50 %, 40 %.</source>
        <translation>相对比例：1 : 5 : 4 即10%、50%、40%。</translation>
    </message>
    <message>
        <source>%1 tier(s) of the rule apply (edited in the scenario file).</source>
        <translation>本规则有%1个分档（在方案文件中编辑）。</translation>
    </message>
    <message>
        <source>Tiers of m (amount in %1 × (1 + m)): %2</source>
        <translation>超标倍数m分档（金额单位%1，×(1+m)）：%2</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Sourced rule</source>
        <translation>来源规则</translation>
    </message>
    <message>
        <source>Start from a sourced rule…</source>
        <translation>从有来源的规则开始…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核期</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Section: %1</source>
        <translation>断面：%1</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>断面“%1”</translation>
    </message>
    <message>
        <source>Contribution ratio</source>
        <translation>贡献比例</translation>
    </message>
    <message>
        <source>New section %1</source>
        <translation>新断面%1</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>断面</translation>
    </message>
    <message>
        <source>An assessment section (断面) on a border: its upstream parties pay or receive, shared by their contribution ratios; the downstream party the other way.</source>
        <translation>跨界考核断面：上游各方按贡献比例分担支付或收取补偿，下游方方向相反。</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>断面</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>上游</translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation>下游</translation>
    </message>
    <message>
        <source>Upstream party</source>
        <translation>上游方</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>添加断面</translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation>删除断面</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Add upstream</source>
        <translation>添加上游方</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New indicator</source>
        <translation>新指标</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Targets are used by the per-tonne, status, exceedance and pooled-fund rules, baselines by the P-index (and as last year&apos;s level by the status rule). Clear a cell to leave a limit unset.</source>
        <translation>目标浓度用于按吨、逐月考核、超标倍数和共同资金规则；基准浓度用于P值（逐月考核规则中作为上年水平）。清空单元格表示未设定。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Add indicator</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>Remove indicator</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>Double-click a cell to correct it (one undo step).</source>
        <translation>双击单元格可修改（可撤销）。</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>全部断面</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1个样本</translation>
    </message>
    <message>
        <source>%1 of %2 samples</source>
        <translation>%1个样本（共%2个）</translation>
    </message>
    <message>
        <source>Import CSV/Excel…</source>
        <translation>导入CSV/Excel…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Double-click a concentration or a flow to correct it. An import replaces all samples at once (one undo step); a file with problems changes nothing.</source>
        <translation>双击浓度或月水量可修改。导入会一次替换全部样本（可撤销）；文件有问题时不作任何改动。</translation>
    </message>
    <message>
        <source>P-index bet (新安江)</source>
        <translation>P值对赌（新安江）</translation>
    </message>
    <message>
        <source>Per tonne, both ways (江苏)</source>
        <translation>按吨双向补偿（江苏）</translation>
    </message>
    <message>
        <source>Pooled fund (赤水河)</source>
        <translation>共同资金（赤水河）</translation>
    </message>
    <message>
        <source>Monthly status (重庆)</source>
        <translation>逐月考核（重庆）</translation>
    </message>
    <message>
        <source>Exceedance tiers (周口)</source>
        <translation>超标倍数分档（周口）</translation>
    </message>
    <message>
        <source>P = k0·Σ wᵢ·Cᵢ/Cᵢ₀ on the period&apos;s means. P ≤ threshold: downstream pays upstream the bet; otherwise upstream pays downstream.</source>
        <translation>按全期均值计算P = k0·Σ wᵢ·Cᵢ/Cᵢ₀。P不超过临界值时下游向上游支付对赌金额，否则上游向下游支付。</translation>
    </message>
    <message>
        <source>Each month Σ (measured − target) × flow × unit standard: worse than target, upstream pays; better, downstream pays.</source>
        <translation>逐月按Σ（实测−目标）×水量×单位标准核算：劣于目标由上游支付，优于目标由下游支付。</translation>
    </message>
    <message>
        <source>Parties pay into a fund by contribution ratios and draw by allocation ratios; a failing section cuts its upstream party&apos;s allocation.</source>
        <translation>各方按出资比例出资、按分配比例分配；断面不达标时扣减其上游方的分配额。</translation>
    </message>
    <message>
        <source>Each month: meets its class and improved, downstream pays; meets but declined, upstream pays; fails, the amount below.</source>
        <translation>逐月考核：达标且改善由下游支付，达标但恶化由上游支付，不达标按下列金额。</translation>
    </message>
    <message>
        <source>Each month and indicator over target: upstream pays the tier amount × (1 + m).</source>
        <translation>逐月逐指标超标时，上游支付档位金额×(1+m)。</translation>
    </message>
    <message>
        <source>Stability coefficient k0</source>
        <translation>水质稳定系数k0</translation>
    </message>
    <message>
        <source>Threshold of P</source>
        <translation>P值临界值</translation>
    </message>
    <message>
        <source>Amount (bet or monthly sum)</source>
        <translation>金额（对赌或每月）</translation>
    </message>
    <message>
        <source>Central fund to upstream</source>
        <translation>中央资金（付给上游）</translation>
    </message>
    <message>
        <source>Fund per period</source>
        <translation>每期资金总额</translation>
    </message>
    <message>
        <source>A failing section loses</source>
        <translation>不达标断面扣减</translation>
    </message>
    <message>
        <source>Month failing its class (+ upstream pays)</source>
        <translation>不达标月份（正为上游支付）</translation>
    </message>
    <message>
        <source>Month unchanged (+ upstream pays)</source>
        <translation>水质持平月份（正为上游支付）</translation>
    </message>
    <message>
        <source>Below the first tier</source>
        <translation>低于第一档</translation>
    </message>
    <message>
        <source>Bet per section</source>
        <translation>每个断面对赌金额</translation>
    </message>
    <message>
        <source>Sum per month</source>
        <translation>每月金额</translation>
    </message>
    <message>
        <source>Weights wᵢ</source>
        <translation>权重wᵢ</translation>
    </message>
    <message>
        <source>Unit standards (yuan per tonne)</source>
        <translation>单位补偿标准（元/吨）</translation>
    </message>
    <message>
        <source>Contribution ratios</source>
        <translation>出资比例</translation>
    </message>
    <message>
        <source>Allocation ratios</source>
        <translation>分配比例</translation>
    </message>
    <message>
        <source>all of it (by the annual mean)</source>
        <translation>全额（按年均值）</translation>
    </message>
    <message>
        <source>in proportion to failed months</source>
        <translation>按不达标月份比例</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标浓度</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基准浓度</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Concentration</source>
        <translation>浓度</translation>
    </message>
    <message>
        <source>Monthly flow (m³)</source>
        <translation>月水量（m³）</translation>
    </message>
    <message>
        <source>%1 (as measured)</source>
        <translation>%1（实测水质）</translation>
    </message>
    <message>
        <source>%1 (water %2% worse)</source>
        <translation>%1（水质变差%2%）</translation>
    </message>
    <message>
        <source>%1 (water %2% better)</source>
        <translation>%1（水质改善%2%）</translation>
    </message>
    <message>
        <source>has too many decimals</source>
        <translation>小数位数过多</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>必须大于0</translation>
    </message>
    <message>
        <source>this code is already used</source>
        <translation>该代码已被使用</translation>
    </message>
    <message>
        <source>this party is already upstream of the section</source>
        <translation>该方已是此断面的上游方</translation>
    </message>
    <message>
        <source>this party is downstream of the section</source>
        <translation>该方是此断面的下游方</translation>
    </message>
    <message>
        <source>this party is upstream of the section</source>
        <translation>该方是此断面的上游方</translation>
    </message>
    <message>
        <source>upstream and downstream must be different parties</source>
        <translation>上游方和下游方必须不同</translation>
    </message>
    <message>
        <source>a section needs at least one upstream party</source>
        <translation>断面至少需要一个上游方</translation>
    </message>
    <message>
        <source>the agreement needs at least one section</source>
        <translation>协议至少需要一个断面</translation>
    </message>
    <message>
        <source>the agreement needs at least one indicator</source>
        <translation>协议至少需要一个指标</translation>
    </message>
    <message>
        <source>it is the only weighted indicator: weight another one first</source>
        <translation>它是唯一有权重的指标：请先为其他指标设定权重</translation>
    </message>
    <message>
        <source>it is the only indicator with a unit standard</source>
        <translation>它是唯一有单位补偿标准的指标</translation>
    </message>
    <message>
        <source>the rule needs at least one entry</source>
        <translation>规则至少需要一项</translation>
    </message>
    <message>
        <source>write the month as 2025-01</source>
        <translation>月份请写作2025-01</translation>
    </message>
    <message>
        <source>there is no such month</source>
        <translation>没有这个月份</translation>
    </message>
    <message>
        <source>the last month is before the first</source>
        <translation>结束月份早于开始月份</translation>
    </message>
    <message>
        <source>the period is longer than ten years</source>
        <translation>考核期超过十年</translation>
    </message>
    <message>
        <source>%1; %2 more sections (hover over the slider)</source>
        <translation>%1；另有%2个断面（指向滑块可查看）</translation>
    </message>
    <message>
        <source>▲ The payment reverses at: %1</source>
        <translation>▲ 补偿方向反转点：%1</translation>
    </message>
    <message>
        <source>Water quality what-if (for demonstrations)</source>
        <translation>水质变化模拟（演示用）</translation>
    </message>
    <message>
        <source>×0.5 cleaner</source>
        <translation>×0.5 更清洁</translation>
    </message>
    <message>
        <source>×2 more polluted</source>
        <translation>×2 污染加重</translation>
    </message>
    <message>
        <source>Factor on all concentrations</source>
        <translation>各实测浓度乘以</translation>
    </message>
    <message>
        <source>As measured (×1)</source>
        <translation>恢复实测（×1）</translation>
    </message>
    <message>
        <source>Any exact factor above 0 and up to 10, e.g. 1.065</source>
        <translation>大于0且不超过10的精确倍数，如1.065</translation>
    </message>
    <message>
        <source>Water quality factor</source>
        <translation>水质倍数</translation>
    </message>
    <message>
        <source>Sample of %1, %2, %3: %4</source>
        <translation>监测样本（%1，%2，%3）的%4</translation>
    </message>
    <message>
        <source>“%1” holds these samples already</source>
        <translation>“%1”中的样本与现有数据相同</translation>
    </message>
    <message>
        <source>Monitoring data</source>
        <translation>监测数据</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到%1</translation>
    </message>
    <message>
        <source>“%1” was not imported: %2 problem(s); nothing changed.</source>
        <translation>“%1”未导入：有%2个问题，未作任何改动。</translation>
    </message>
    <message>
        <source>“%1” could not be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>No party pays another over the period.</source>
        <translation>本期各方之间无需支付补偿。</translation>
    </message>
    <message>
        <source>Payer → payee</source>
        <translation>付款方 → 收款方</translation>
    </message>
    <message>
        <source>This rule has no break-even: its payments do not reverse.</source>
        <translation>此规则没有方向反转点：支付方向不会反转。</translation>
    </message>
    <message>
        <source>This agreement has no negotiation zone (floor and ceiling) to show.</source>
        <translation>本协议未设协商区间（下限和上限）。</translation>
    </message>
    <message>
        <source>This chart has no figures yet.</source>
        <translation>此图暂无数据。</translation>
    </message>
    <message>
        <source>Chart: index by month against the threshold</source>
        <translation>图表：逐月指数与临界值</translation>
    </message>
    <message>
        <source>Chart: payments by direction</source>
        <translation>图表：按方向的补偿支付</translation>
    </message>
    <message>
        <source>Chart: negotiation zone</source>
        <translation>图表：协商区间</translation>
    </message>
    <message>
        <source>Table: monitoring data (import, export)</source>
        <translation>表：监测数据（导入、导出）</translation>
    </message>
    <message>
        <source>Table: sections by month</source>
        <translation>表：各断面逐月考核</translation>
    </message>
    <message>
        <source>Table: break-even</source>
        <translation>表：方向反转点</translation>
    </message>
</context>
<context>
    <name>ExportCheckDialog</name>
    <message>
        <source>Check before exporting</source>
        <translation>导出前请核对</translation>
    </message>
    <message>
        <source>These numbers changed after the articles quoting them were edited. The text already prints the new numbers; check that the wording still reads right.</source>
        <translation>以下数字在引用它们的条款编辑后发生了变动。正文已印出新数字，请核对措辞是否仍然妥当。</translation>
    </message>
    <message>
        <source>Accept all and export</source>
        <translation>全部确认并导出</translation>
    </message>
    <message>
        <source>Mark every article as checked (one undo step), then export</source>
        <translation>将所有条款标为已核对（可一步撤销），然后导出</translation>
    </message>
    <message>
        <source>Export as is</source>
        <translation>按现状导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Word document for comments (*.docx)</source>
        <translation>Word 文档，供征求意见 (*.docx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the agreement</source>
        <translation>导出协议</translation>
    </message>
    <message>
        <source>Chinese (the text to sign)</source>
        <translation>中文（签署文本）</translation>
    </message>
    <message>
        <source>English reference translation</source>
        <translation>英文参考译本</translation>
    </message>
    <message>
        <source>Both (two files; the English one’s name ends in -en)</source>
        <translation>两者（两个文件，英文文件名以 -en 结尾）</translation>
    </message>
    <message>
        <source>PDF, to print and sign</source>
        <translation>PDF，供打印签署</translation>
    </message>
    <message>
        <source>Word (DOCX), for comment rounds</source>
        <translation>Word（DOCX），供征求意见</translation>
    </message>
    <message>
        <source>Mark changed numbers for review</source>
        <translation>标出变动的数字</translation>
    </message>
    <message>
        <source>Under each edited article whose numbers changed since the edit, print what changed, in red. Leave it off for a clean draft: the text always carries the current numbers.</source>
        <translation>在编辑后数字有变动的条款下方用红字印出变动情况。不勾选则导出清稿：正文始终印出当前数字。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Draft label:</source>
        <translation>稿本标识：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HintBar</name>
    <message>
        <source>Close this hint for good</source>
        <translation>关闭此提示，不再显示</translation>
    </message>
</context>
<context>
    <name>InstrumentWorkspace</name>
    <message>
        <source>Party</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Updating… the figures below are from the last result.</source>
        <translation>正在更新……下列数字为上一次的计算结果。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No amounts: this item cannot be computed until the problems listed under “Checks” are fixed.</source>
        <translation>暂无金额：请先修正“检查结果”中列出的问题，然后才能计算本事项。</translation>
    </message>
    <message>
        <source>Cannot compute this item. Fix the problems below; no amounts are shown until then.</source>
        <translation>无法计算本事项。请修正下列问题；修正前不显示任何金额。</translation>
    </message>
    <message>
        <source>Computed. Notes on the inputs:</source>
        <translation>已完成计算。关于输入数据的说明：</translation>
    </message>
    <message>
        <source>Computed; nothing to report about the inputs.</source>
        <translation>已完成计算，输入数据无需说明。</translation>
    </message>
    <message>
        <source>Click to show this party&apos;s figure in the parties panel.</source>
        <translation>点击在参与方面板中显示该方的数据。</translation>
    </message>
    <message>
        <source>Click to go to this input.</source>
        <translation>点击转到该输入项。</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查结果</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Chongqing</source>
        <translation>重庆</translation>
    </message>
    <message>
        <source>Sichuan</source>
        <translation>四川</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>sourced</source>
        <translation>有出处</translation>
    </message>
    <message>
        <source>secondary source</source>
        <translation>二手来源</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>未经核实</translation>
    </message>
    <message>
        <source>assumed for an example</source>
        <translation>示例假设值</translation>
    </message>
    <message>
        <source>entered by the user</source>
        <translation>用户录入</translation>
    </message>
    <message>
        <source>[entered]</source>
        <translation>[录入]</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>No figure in the data. Double-click to type one in; it will be marked as entered by you.</source>
        <translation>数据中没有此项。双击可录入，录入值将标为“用户录入”。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Year: %1</source>
        <translation>年份：%1</translation>
    </message>
    <message>
        <source>Provenance: %1</source>
        <translation>来源类别：%1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>出处：%1</translation>
    </message>
    <message>
        <source>no source given</source>
        <translation>未注明来源</translation>
    </message>
    <message>
        <source>[S] sourced</source>
        <translation>[S] 有公开出处</translation>
    </message>
    <message>
        <source>[S-2] secondary source</source>
        <translation>[S-2] 二手来源</translation>
    </message>
    <message>
        <source>[D] derived from sourced figures</source>
        <translation>[D] 由有出处的数据推算</translation>
    </message>
    <message>
        <source>[U] unverified</source>
        <translation>[U] 未经核实</translation>
    </message>
    <message>
        <source>[A] [assumed, not real data]</source>
        <translation>[A] 【假设值，非真实数据】</translation>
    </message>
    <message>
        <source>[entered] typed in by you</source>
        <translation>[录入] 用户录入</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>数值过大</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>is empty: type a number</source>
        <translation>为空：请输入数字</translation>
    </message>
    <message>
        <source>must be a whole amount</source>
        <translation>必须是整数金额</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>“%1” could not be opened.</source>
        <translation>无法打开“%1”。</translation>
    </message>
    <message>
        <source>The recovery copy could not be saved: %1</source>
        <translation>无法保存恢复副本：%1</translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation>（无最近文件）</translation>
    </message>
    <message>
        <source>The change was not made: %1</source>
        <translation>未能修改：%1</translation>
    </message>
    <message>
        <source>Check the value of “%1” and try again.</source>
        <translation>请检查“%1”的值后重试。</translation>
    </message>
    <message>
        <source>Correct the wording of the article and apply it again.</source>
        <translation>请修改条款措辞后再次采用。</translation>
    </message>
    <message>
        <source>No font can print these characters: %1</source>
        <translation>以下字符没有字体可以打印：%1</translation>
    </message>
    <message>
        <source>Write the name without them (the agreement must print it).</source>
        <translation>请改写名称，去掉这些字符（协议必须能打印该名称）。</translation>
    </message>
    <message>
        <source>The computation failed: %1. The scenario is unchanged.</source>
        <translation>计算失败：%1。方案未作改动。</translation>
    </message>
    <message>
        <source>Computation cancelled: the figures shown are from before the last change. Press F5 to compute.</source>
        <translation>已取消计算：所示数字为上次修改之前的结果。按 F5 重新计算。</translation>
    </message>
    <message>
        <source>Fingerprint: computing…</source>
        <translation>指纹：正在计算……</translation>
    </message>
    <message>
        <source>Fingerprint %1</source>
        <translation>数字指纹 %1</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of every input that can change a number and of the computed amounts:
%1
Two printouts with the same fingerprint carry the same numbers.</source>
        <translation>对所有影响数字的输入及计算所得金额取的 SHA-256 数字指纹：
%1
指纹相同的两份打印稿，数字完全一致。</translation>
    </message>
    <message>
        <source>Fix the problems listed under Details or choose another file. Your scenario is unchanged.</source>
        <translation>请按“详细信息”中列出的问题修改文件，或选择其他文件。当前情景未受影响。</translation>
    </message>
    <message>
        <source>Accord scenario (*.json)</source>
        <translation>Accord 情景文件 (*.json)</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>无法保存“%1”：%2</translation>
    </message>
    <message>
        <source>Choose another folder with File ▸ Save As; nothing was lost.</source>
        <translation>请通过“文件 ▸ 另存为”选择其他文件夹；数据没有丢失。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Exporting the agreement…</source>
        <translation>正在导出协议……</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>The agreement could not be exported: %1</source>
        <translation>无法导出协议：%1</translation>
    </message>
    <message>
        <source>Fix the scenario as described, or choose another file, and export again.</source>
        <translation>请按说明修改情景或选择其他文件，然后重新导出。</translation>
    </message>
    <message>
        <source>The chart could not be saved: %1</source>
        <translation>无法保存图表：%1</translation>
    </message>
    <message>
        <source>Choose another folder and try again.</source>
        <translation>请选择其他文件夹后重试。</translation>
    </message>
    <message>
        <source>Chart copied to the clipboard</source>
        <translation>图表已复制到剪贴板</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Data vintage: %1</source>
        <translation>数据年份：%1</translation>
    </message>
    <message>
        <source>A toolkit for the cities of the Chengdu–Chongqing cluster to agree how to split costs.</source>
        <translation>供成渝地区双城经济圈各地协商费用分担的工具。</translation>
    </message>
    <message>
        <source>About Accord</source>
        <translation>关于 Accord</translation>
    </message>
    <message>
        <source>Figures of the embedded data (%1) come from:</source>
        <translation>内置数据（%1）的出处：</translation>
    </message>
    <message>
        <source>Each figure&apos;s year, source and tag are shown in the parties panel. Tags: [S] sourced, [S-2] secondary source, [D] derived, [U] unverified, [A] assumed, [entered] typed in by you.</source>
        <translation>每项数据的年份、出处和标记见“参与方”面板。标记：[S] 有出处，[S-2] 二手来源，[D] 推算，[U] 未经核实，[A] 假设值，[录入] 用户录入。</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)……</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)……</translation>
    </message>
    <message>
        <source>Export &amp;Agreement (PDF/Word)…</source>
        <translation>导出协议（PDF/Word）(&amp;A)…</translation>
    </message>
    <message>
        <source>Export Chart as PNG…</source>
        <translation>导出图表为 PNG……</translation>
    </message>
    <message>
        <source>Export Chart as SVG…</source>
        <translation>导出图表为 SVG……</translation>
    </message>
    <message>
        <source>Copy Chart</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Recompute</source>
        <translation>重新计算(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the computation; the scenario stays as it is.</source>
        <translation>停止计算；方案保持不变。</translation>
    </message>
    <message>
        <source>&amp;About Accord</source>
        <translation>关于 Accord(&amp;A)</translation>
    </message>
    <message>
        <source>Data &amp;Sources</source>
        <translation>数据来源(&amp;S)</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Parties Panel</source>
        <translation>参与方面板</translation>
    </message>
    <message>
        <source>Agreement Articles</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <source>Agreement Details</source>
        <translation>协议信息</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出协议</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>协议信息</translation>
    </message>
    <message>
        <source>Change a parameter on the left: every party&apos;s amount, the total and the chart follow at once. Every change can be undone (Ctrl+Z). File ▸ New starts a new agreement; Export Agreement prints it.</source>
        <translation>在左侧修改参数，各方金额、合计与图表随即更新；每一步修改都可撤销（Ctrl+Z）。“文件 ▸ 新建”开始一份新协议，“导出协议”生成可打印的协议草案。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
    <message>
        <source>%1 parties</source>
        <translation>%1 个参与方</translation>
    </message>
</context>
<context>
    <name>NewScenarioDialog</name>
    <message>
        <source>New agreement</source>
        <translation>新建协议</translation>
    </message>
    <message>
        <source>e.g. Gaozhu New Area start-up cost sharing</source>
        <translation>例如：川渝高竹新区共建启动费用分担</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>全部省市</translation>
    </message>
    <message>
        <source>Search by name or code</source>
        <translation>按名称或代码搜索</translation>
    </message>
    <message>
        <source>All of Chongqing</source>
        <translation>重庆全部</translation>
    </message>
    <message>
        <source>All of Sichuan</source>
        <translation>四川全部</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>100m yuan</source>
        <translation>亿元</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>协议名称</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>机制</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>%1 parties chosen</source>
        <translation>已选%1方</translation>
    </message>
    <message>
        <source>Title: type the name of the agreement</source>
        <translation>协议名称：请输入协议名称</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>协议名称：%1</translation>
    </message>
    <message>
        <source>Instrument: none can start a new agreement</source>
        <translation>机制：没有可用于新建协议的机制</translation>
    </message>
    <message>
        <source>Parties: tick at least two</source>
        <translation>参与方：请至少勾选两方</translation>
    </message>
    <message>
        <source>Amount: %1</source>
        <translation>金额：%1</translation>
    </message>
</context>
<context>
    <name>PartiesPanel</name>
    <message>
        <source>Select a party to see where its figures come from.</source>
        <translation>选择一个参与方，查看其数据的出处。</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省市</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>按名称搜索</translation>
    </message>
    <message>
        <source>Add custom party…</source>
        <translation>添加自定义参与方……</translation>
    </message>
    <message>
        <source>Taking part only</source>
        <translation>仅显示参与方</translation>
    </message>
    <message>
        <source>Show only the parties of this scenario (click a heading to sort).</source>
        <translation>只显示本方案的参与方（点击列标题可排序）。</translation>
    </message>
</context>
<context>
    <name>PartiesTableModel</name>
    <message>
        <source>Only part of this unit is in the plan area; its figures are for the whole unit.</source>
        <translation>该单位只有部分地区在规划范围内；其数据为全域数据。</translation>
    </message>
    <message>
        <source> (part)</source>
        <translation>（部分）</translation>
    </message>
    <message>
        <source>Takes part</source>
        <translation>参与</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省市</translation>
    </message>
    <message>
        <source>%1 of %2: “%3” is not a usable figure.</source>
        <translation>%2的%1：“%3”不是可用的数值。</translation>
    </message>
</context>
<context>
    <name>ProjectCostWorkspace</name>
    <message>
        <source>Tick the members of a group, type its cost:</source>
        <translation>勾选一组参与方，输入其单独建设成本：</translation>
    </message>
    <message>
        <source>Cost building alone</source>
        <translation>单独建设成本</translation>
    </message>
    <message>
        <source>Set group cost</source>
        <translation>设定该组成本</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>删除该条</translation>
    </message>
    <message>
        <source>Grey entries were not typed in: completed by the cheapest partition of typed groups.</source>
        <translation>灰色条目未录入：由已录入各组的最低分组补全。</translation>
    </message>
    <message>
        <source>Cost alone
(%1)</source>
        <translation>单独建设成本
（%1）</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>补全</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>联盟</translation>
    </message>
    <message>
        <source>Not typed in: the cheapest way to split this group into typed groups (由最低分组补全).</source>
        <translation>未录入：按已录入各组中最便宜的分组方式补全（由最低分组补全）。</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>已录入</translation>
    </message>
    <message>
        <source>Add segment</source>
        <translation>添加区段</translation>
    </message>
    <message>
        <source>Remove segment</source>
        <translation>删除区段</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>区段</translation>
    </message>
    <message>
        <source>Cost (%1)</source>
        <translation>成本（%1）</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <source>GDP</source>
        <translation>GDP</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>财政收入</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>境内长度</translation>
    </message>
    <message>
        <source>Works, land</source>
        <translation>工程征拆</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>需求量</translation>
    </message>
    <message>
        <source>Rail</source>
        <translation>轨道交通</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>公路</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水利</translation>
    </message>
    <message>
        <source>Ecological</source>
        <translation>生态</translation>
    </message>
    <message>
        <source>Public service</source>
        <translation>公共服务</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Length (km)</source>
        <translation>境内长度（公里）</translation>
    </message>
    <message>
        <source>Works and land</source>
        <translation>境内工程及征拆</translation>
    </message>
    <message>
        <source>Reach (segment)</source>
        <translation>需用至区段</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>使用量</translation>
    </message>
    <message>
        <source>Negotiated amount</source>
        <translation>协商金额</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <source>Capital cost</source>
        <translation>建设总投资</translation>
    </message>
    <message>
        <source>Operating cost per year</source>
        <translation>年运营成本</translation>
    </message>
    <message>
        <source>Life (years)</source>
        <translation>使用年限（年）</translation>
    </message>
    <message>
        <source>Payment term (years)</source>
        <translation>付款期限（年）</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>贴现率</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>is too small</source>
        <translation>数值过小</translation>
    </message>
    <message>
        <source>this group is already in the table</source>
        <translation>该联盟已在表中</translation>
    </message>
    <message>
        <source>tick at least one party</source>
        <translation>请至少勾选一方</translation>
    </message>
    <message>
        <source>add the line&apos;s segments first</source>
        <translation>请先添加线路区段</translation>
    </message>
    <message>
        <source>a party&apos;s reach ends there</source>
        <translation>有参与方需用至该区段</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>外部出资</translation>
    </message>
    <message>
        <source>Contribution %1</source>
        <translation>外部出资%1</translation>
    </message>
    <message>
        <source>Coalition cost</source>
        <translation>联盟成本</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>线路区段</translation>
    </message>
    <message>
        <source>(none: every amount by the method)</source>
        <translation>（不固定：各方金额均按方法计算）</translation>
    </message>
    <message>
        <source>Contributor</source>
        <translation>出资方</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <source>No savings to show: they compare each party&apos;s amount with what it would pay building alone. Type coalition costs or line segments (tab “Game”) to give the parties stand-alone costs.</source>
        <translation>无节约额可显示：节约额是各方单独建设成本与分担额之差。请在“博弈”页录入联盟成本或线路区段，以得出各方单独建设成本。</translation>
    </message>
    <message>
        <source>This chart has no figures yet.</source>
        <translation>此图暂无数据。</translation>
    </message>
    <message>
        <source>Amounts by method and party</source>
        <translation>各方法下各方分担额</translation>
    </message>
    <message>
        <source>Savings against building alone</source>
        <translation>相对单独建设的节约额</translation>
    </message>
    <message>
        <source>Yearly payments by party</source>
        <translation>各方逐年支付额</translation>
    </message>
    <message>
        <source>Stand-alone and marginal costs, and savings under the agreed split</source>
        <translation>协议方案下各方单独建设成本、边际成本与节省</translation>
    </message>
    <message>
        <source>Payment schedule under the agreed split</source>
        <translation>协议方案下的支付计划</translation>
    </message>
    <message>
        <source>Saving = stand-alone cost − agreed amount. A negative saving (in red, with a minus sign) means the party pays more than building alone.</source>
        <translation>节省 = 单独建设成本 − 协议分担额。节省为负（红色，带负号）表示该方分担额高于其单独建设成本。</translation>
    </message>
    <message>
        <source>The capital payment is made each year of the term, the operating cost each year of the life; the present value discounts every payment at the project&apos;s discount rate.</source>
        <translation>还本付息在还款期内逐年支付，运营费用在使用年限内逐年支付；支付现值按项目贴现率折算全部支付。</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分摊方法</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>博弈</translation>
    </message>
    <message>
        <source>Coalition costs and line segments</source>
        <translation>联盟成本与线路区段</translation>
    </message>
    <message>
        <source>Agreement uses</source>
        <translation>协议采用</translation>
    </message>
    <message>
        <source>Proportional by</source>
        <translation>比例分摊依据</translation>
    </message>
    <message>
        <source>Factor weights (weighted method)</source>
        <translation>因素权重（多因素加权法）</translation>
    </message>
    <message>
        <source>Drag or type: relative weights, shown as shares of 100 %.</source>
        <translation>拖动或输入：相对权重，按占100%的比例显示。</translation>
    </message>
    <message>
        <source>Fix one party&apos;s amount</source>
        <translation>固定一方金额</translation>
    </message>
    <message>
        <source>Pays</source>
        <translation>分担</translation>
    </message>
    <message>
        <source>Methods compared</source>
        <translation>比较的方法</translation>
    </message>
    <message>
        <source>Bargaining power (Nash)</source>
        <translation>谈判力（纳什谈判解）</translation>
    </message>
    <message>
        <source>Nash bargaining splits the savings against building alone in these proportions (equal if untouched).</source>
        <translation>纳什谈判解按下列比例分配相对单独建设的节省（未调整时各方均等）。</translation>
    </message>
    <message>
        <source>Annual rate in percent, e.g. 4 for 4 %.</source>
        <translation>年利率，以百分数输入，如4表示4%。</translation>
    </message>
    <message>
        <source>Shared by the parties</source>
        <translation>各方共担</translation>
    </message>
    <message>
        <source>Contributions off the top</source>
        <translation>优先扣除的外部出资</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Double-click a cell to type; clear it to mark the value missing. Population, GDP and budget revenue come from the parties&apos; data (read-only here).</source>
        <translation>双击单元格录入；清空即标为缺失。人口、GDP和财政收入取自参与方数据（此处只读）。</translation>
    </message>
    <message>
        <source>Coalition costs</source>
        <translation>联盟成本</translation>
    </message>
    <message>
        <source>Line segments</source>
        <translation>线路区段</translation>
    </message>
    <message>
        <source>Chart: amounts by method and party</source>
        <translation>图表：各方法下各方分担额</translation>
    </message>
    <message>
        <source>Chart: savings against building alone</source>
        <translation>图表：相对单独建设的节约额</translation>
    </message>
    <message>
        <source>Chart: yearly payments by party</source>
        <translation>图表：各方逐年支付额</translation>
    </message>
    <message>
        <source>Table: stand-alone and marginal costs, savings</source>
        <translation>表格：单独建设成本、边际成本与节省</translation>
    </message>
    <message>
        <source>Table: payment schedule</source>
        <translation>表格：支付计划</translation>
    </message>
</context>
<context>
    <name>ProportionalSplitWorkspace</name>
    <message>
        <source>Provenance: %1</source>
        <translation>来源类别：%1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>出处：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>The scenario does not say where this amount comes from.</source>
        <translation>情景未注明该金额的来源。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Amount to split</source>
        <translation>分摊金额</translation>
    </message>
    <message>
        <source>Split by</source>
        <translation>分摊依据</translation>
    </message>
    <message>
        <source>Amount source</source>
        <translation>金额来源</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Weights (drag or type)</source>
        <translation>权重（拖动滑块或输入）</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <source>The agreement uses this column.</source>
        <translation>协议采用此列的分担方案。</translation>
    </message>
    <message>
        <source>Total (%1)</source>
        <translation>合计（%1）</translation>
    </message>
    <message>
        <source>Provenance: %1</source>
        <translation>来源标记：%1</translation>
    </message>
    <message>
        <source>Year: %1</source>
        <translation>年份：%1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>WeightsEditor</name>
    <message>
        <source>Weight of %1: %2</source>
        <translation>%1的权重：%2</translation>
    </message>
    <message>
        <source>must not be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>is too large.</source>
        <translation>数值过大。</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
</context>
</TS>
