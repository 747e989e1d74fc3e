<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accessibility</name>
    <message>
        <source>scrolling area</source>
        <translation>滚动区域</translation>
    </message>
    <message>
        <source>list or table</source>
        <translation>列表或表格</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>slider</source>
        <translation>滑块</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>选项卡</translation>
    </message>
    <message>
        <source>text field</source>
        <translation>文本框</translation>
    </message>
    <message>
        <source>button</source>
        <translation>按钮</translation>
    </message>
    <message>
        <source>control</source>
        <translation>控件</translation>
    </message>
    <message>
        <source>BP Studio</source>
        <translation>BP Studio</translation>
    </message>
    <message>
        <source>{panel}: {kind}</source>
        <translation>{panel}：{kind}</translation>
    </message>
</context>
<context>
    <name>Activations</name>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>ReLU′(z) = 1 if z &gt; 0 else 0</source>
        <translation>ReLU′(z) = 1（若 z &gt; 0），否则为 0</translation>
    </message>
    <message>
        <source>LeakyReLU(z) = z if z &gt; 0 else 0.01·z</source>
        <translation>LeakyReLU(z) = z（若 z &gt; 0），否则为 0.01·z</translation>
    </message>
    <message>
        <source>LeakyReLU′(z) = 1 if z &gt; 0 else 0.01</source>
        <translation>LeakyReLU′(z) = 1（若 z &gt; 0），否则为 0.01</translation>
    </message>
    <message>
        <source>∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ)  (a full Jacobian, not element-wise)</source>
        <translation>∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ)  （完整的雅可比矩阵，不是逐元素运算）</translation>
    </message>
    <message>
        <source>unknown activation {name!r}; choose one of {choices}</source>
        <translation>未知的激活函数 {name!r}；请从 {choices} 中选择</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Could not save your work automatically to {path}: {error}</source>
        <translation>无法自动保存你的工作到 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>Budget</name>
    <message>
        <source>one training iteration (a batch of {batch:,} samples of {samples:,}) would need about {need:,} MB of memory; BP Studio allows {most:,} MB. Use a smaller batch, fewer samples or a smaller network</source>
        <translation>一次训练迭代（{samples:,} 个样本中的 {batch:,} 个组成的批次）约需 {need:,} MB 内存；BP Studio 最多允许 {most:,} MB。请使用更小的批次、更少的样本或更小的网络</translation>
    </message>
    <message>
        <source>one training iteration (a batch of {batch:,} samples of {samples:,}) would take about {need:,} million multiply-adds; BP Studio allows {most:,} million. Use a smaller batch or a smaller network</source>
        <translation>一次训练迭代（{samples:,} 个样本中的 {batch:,} 个组成的批次）约需 {need:,} 百万次乘加；BP Studio 最多允许 {most:,} 百万次。请使用更小的批次或更小的网络</translation>
    </message>
</context>
<context>
    <name>ChainText</name>
    <message>
        <source>{count} more {sum}</source>
        <translation>另外 {count} 个 {sum}</translation>
    </message>
    <message>
        <source>The chain of {entry}, sample {s} of {m}</source>
        <translation>{entry} 的链，第 {s} 个样本（共 {m} 个）</translation>
    </message>
    <message>
        <source>(after the update: the weights the forward pass used, recovered as W + η ∂L/∂W)</source>
        <translation>（更新之后：使用前向传播所用的权重，由 W + η ∂L/∂W 还原）</translation>
    </message>
    <message>
        <source>(after an update with momentum or L2: the updated weights)</source>
        <translation>（带动量或 L2 的更新之后：使用更新后的权重）</translation>
    </message>
    <message>
        <source>Nodes (value, ∂{L}/∂node):</source>
        <translation>节点（值，∂{L}/∂节点）：</translation>
    </message>
    <message>
        <source>Edges (local derivatives):</source>
        <translation>边（局部导数）：</translation>
    </message>
    <message>
        <source>{count} path(s) to the loss, each the product of its edges:</source>
        <translation>通往损失的 {count} 条路径，每条等于其各边之积：</translation>
    </message>
    <message>
        <source>Sum over the paths (where they meet): {entry} = {value}</source>
        <translation>对路径求和（路径汇合处）：{entry} = {value}</translation>
    </message>
    <message>
        <source>{count:,} paths to the loss: too many to list. Every path crosses each layer at one unit, so each layer's contributions add up to the total:</source>
        <translation>通往损失的路径共 {count:,} 条，太多无法逐条列出。每条路径在每一层恰好经过一个单元，所以每一层各单元的贡献之和都等于总值：</translation>
    </message>
    <message>
        <source>With {f} and {loss} the sum over the outputs collapses: ∂Lₛ/∂zᴸ = a − y.</source>
        <translation>使用 {f} 和{loss}时，对各输出的求和化简为：∂Lₛ/∂zᴸ = a − y。</translation>
    </message>
    <message>
        <source>{entry} for sample {s}: {value}</source>
        <translation>第 {s} 个样本的 {entry}：{value}</translation>
    </message>
    <message>
        <source>Per sample: {values}</source>
        <translation>各样本：{values}</translation>
    </message>
    <message>
        <source>Mean over the batch of {m}: {entry} = (1/m) Σₛ ∂Lₛ/∂θ = {value} (the panel's entry)</source>
        <translation>对 {m} 个样本的批次取平均：{entry} = (1/m) Σₛ ∂Lₛ/∂θ = {value}（即面板中的该项）</translation>
    </message>
</context>
<context>
    <name>ChainView</name>
    <message>
        <source>paths: {value}</source>
        <translation>路径：{value}</translation>
    </message>
    <message>
        <source>+ {count} more</source>
        <translation>+ 另外 {count} 个</translation>
    </message>
    <message>
        <source>The other units of this layer, folded: the sum of the products of every path through them</source>
        <translation>本层其余单元（已折叠）：经过它们的所有路径之积的和</translation>
    </message>
    <message>
        <source>{name}: value {value}; ∂L/∂ this node {grad}; ∂ this node/∂x {tangent}. Click: show it in the matrices and on the canvas.</source>
        <translation>{name}：值 {value}；∂L/∂本节点 {grad}；∂本节点/∂x {tangent}。单击：在矩阵和网络图中显示它。</translation>
    </message>
    <message>
        <source>The number whose chain is drawn, as the panels label it (1-based): W2[1,2], b2[1], z2[1], a2[1], delta2[1], dW2[1,2]. Or click a matrix entry, a weight or a unit.</source>
        <translation>要画出其链的数，按面板中的写法（从 1 开始）：W2[1,2]、b2[1]、z2[1]、a2[1]、δ2[1]、dW2[1,2]。也可以单击矩阵中的一项、一个权重或一个单元。</translation>
    </message>
    <message>
        <source>Which sample of the batch the graph follows (its loss Lₛ)</source>
        <translation>计算图跟随批次中的哪个样本（及其损失 Lₛ）</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>条目：</translation>
    </message>
    <message>
        <source>Sample:</source>
        <translation>样本：</translation>
    </message>
    <message>
        <source>Click a weight, a bias or a matrix entry to see its chain to the loss.</source>
        <translation>单击一个权重、偏置或矩阵中的一项，查看它通往损失的链。</translation>
    </message>
    <message>
        <source>{entry} · sample {s} of {m}</source>
        <translation>{entry} · 第 {s} 个样本（共 {m} 个）</translation>
    </message>
    <message>
        <source>After the update: the graph uses the weights this iteration's forward pass used (W + η ∂L/∂W).</source>
        <translation>更新之后：计算图使用本次迭代前向传播所用的权重（W + η ∂L/∂W）。</translation>
    </message>
    <message>
        <source>After an update with momentum or L2: the graph uses the updated weights, so it is the next iteration's chain on this batch.</source>
        <translation>带动量或 L2 的更新之后：计算图使用更新后的权重，因此它是下一次迭代在本批次上的链。</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Larger fonts and thicker lines for a projector; press again to go back</source>
        <translation>为投影仪使用更大的字体和更粗的线条；再按一次即可恢复</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Light or dark colours, or the system's own</source>
        <translation>浅色或深色配色，或跟随系统</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>The colours and style of the desktop</source>
        <translation>使用桌面的配色和样式</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Dark text on a light ground, in every panel and plot</source>
        <translation>浅色背景上的深色文字，适用于所有面板和图表</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on a dark ground, in every panel and plot</source>
        <translation>深色背景上的浅色文字，适用于所有面板和图表</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>Matrices</source>
        <translation>矩阵面板</translation>
    </message>
    <message>
        <source>Equations</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Network settings</source>
        <translation>网络设置</translation>
    </message>
    <message>
        <source>Data settings</source>
        <translation>数据设置</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <source>Loss and accuracy plots</source>
        <translation>损失与准确率图</translation>
    </message>
    <message>
        <source>Data and decision boundary</source>
        <translation>数据与决策边界</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>Put the keyboard focus in a panel</source>
        <translation>将键盘焦点移到某个面板</translation>
    </message>
    <message>
        <source>Show the panel and put the keyboard focus in it</source>
        <translation>显示该面板并将键盘焦点移到其中</translation>
    </message>
    <message>
        <source>Matrix panels</source>
        <translation>矩阵面板</translation>
    </message>
    <message>
        <source>Stages of this iteration</source>
        <translation>本次迭代的各阶段</translation>
    </message>
    <message>
        <source>Loss plot</source>
        <translation>损失图</translation>
    </message>
    <message>
        <source>Accuracy plot</source>
        <translation>准确率图</translation>
    </message>
    <message>
        <source>Gradient size plot</source>
        <translation>梯度大小图</translation>
    </message>
    <message>
        <source>Data and decision boundary plot</source>
        <translation>数据与决策边界图</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>✗ planted bug</source>
        <translation>✗ 植入的错误</translation>
    </message>
    <message>
        <source>Next: {stage}. Step to run its lines.</source>
        <translation>下一步：{stage}。单步执行即可运行它的代码行。</translation>
    </message>
    <message>
        <source>Just computed: {stage} (lines {first}–{last})</source>
        <translation>刚刚计算：{stage}（第 {first}–{last} 行）</translation>
    </message>
    <message>
        <source>loss = {value}</source>
        <translation>损失 = {value}</translation>
    </message>
    <message>
        <source>{name}: not computed yet in this iteration</source>
        <translation>{name}：本次迭代中尚未计算</translation>
    </message>
    <message>
        <source>{name}: {rows} × {cols}, now</source>
        <translation>{name}：{rows} × {cols}，当前值</translation>
    </message>
</context>
<context>
    <name>Convention</name>
    <message>
        <source>input {k} (x{sk})</source>
        <translation>输入 {k}（x{sk}）</translation>
    </message>
    <message>
        <source>unit {k} of layer {p}</source>
        <translation>第 {p} 层的单元 {k}</translation>
    </message>
    <message>
        <source>W{l}[{k}, {j}]: row {k}, column {j} of W{l} (n{p} × n{l}); the weight from {source} to unit {j} of layer {layer}</source>
        <translation>W{l}[{k}, {j}]：W{l}（n{p} × n{l}）的第 {k} 行、第 {j} 列；从{source}到第 {layer} 层单元 {j} 的权重</translation>
    </message>
    <message>
        <source>w{l}{jk}: row {j}, column {k} of W{l} (n{l} × n{p}); the weight from {source} to unit {j} of layer {layer}</source>
        <translation>w{l}{jk}：W{l}（n{l} × n{p}）的第 {j} 行、第 {k} 列；从{source}到第 {layer} 层单元 {j} 的权重</translation>
    </message>
    <message>
        <source>∂L/∂bˡ = (1/m) Σ δˡ over the m rows</source>
        <translation>∂L/∂bˡ = (1/m) Σ δˡ，对 m 行求和</translation>
    </message>
    <message>
        <source>∂L/∂bˡ = (1/m) Σ δˡ over the m columns</source>
        <translation>∂L/∂bˡ = (1/m) Σ δˡ，对 m 列求和</translation>
    </message>
    <message>
        <source>W[k, j] (row k, column j of W, n_in × n_out) connects unit k of layer l−1 to unit j of layer l.</source>
        <translation>W[k, j]（W 的第 k 行、第 j 列，n_in × n_out）连接第 l−1 层的单元 k 与第 l 层的单元 j。</translation>
    </message>
    <message>
        <source>wˡⱼₖ (row j, column k of Wˡ, nˡ × nˡ⁻¹) connects unit k of layer l−1 to unit j of layer l.</source>
        <translation>wˡⱼₖ（Wˡ 的第 j 行、第 k 列，nˡ × nˡ⁻¹）连接第 l−1 层的单元 k 与第 l 层的单元 j。</translation>
    </message>
    <message>
        <source>deeplearning.ai notation (seed 002, Andrew Ng's course): samples are columns as in the column convention, X = A^[0] is n^[0] × m, Z^[l] = W^[l] A^[l−1] + b^[l], A^[l] = g^[l](Z^[l]); the derivatives are dZ^[l], dW^[l], db^[l], dA^[l]; α is the learning rate. Same numbers as the column convention.</source>
        <translation>deeplearning.ai 记法（种子 002，吴恩达的课程）：与列约定一样，样本是列，X = A^[0] 为 n^[0] × m，Z^[l] = W^[l] A^[l−1] + b^[l]，A^[l] = g^[l](Z^[l])；导数记为 dZ^[l]、dW^[l]、db^[l]、dA^[l]；α 是学习率。数值与列约定完全相同。</translation>
    </message>
    <message>
        <source>Row convention (seed 001, framework code): W is nˡ⁻¹ × nˡ (the transpose of the column convention's Wˡ); the m samples of a batch are the rows of Aˡ, Zˡ, δˡ (m × nˡ); bˡ is 1 × nˡ. Same numbers, transposed.</source>
        <translation>行约定（参考文章 001、框架代码）：W 为 nˡ⁻¹ × nˡ（即列约定中 Wˡ 的转置）；一个批次的 m 个样本是 Aˡ、Zˡ、δˡ 的行（m × nˡ）；bˡ 为 1 × nˡ。数值相同，只是转置。</translation>
    </message>
    <message>
        <source>Column convention: Wˡ is nˡ × nˡ⁻¹; the m samples of a batch are the columns of aˡ, zˡ, δˡ (nˡ × m); bˡ is nˡ × 1.</source>
        <translation>列约定：Wˡ 为 nˡ × nˡ⁻¹；一个批次的 m 个样本是 aˡ、zˡ、δˡ 的列（nˡ × m）；bˡ 为 nˡ × 1。</translation>
    </message>
    <message>
        <source>deeplearning.ai notation (W^[l], dZ^[l], samples as columns)</source>
        <translation>deeplearning.ai 记法（W^[l]、dZ^[l]，样本为列）</translation>
    </message>
    <message>
        <source>Row convention (A W, samples as rows)</source>
        <translation>行约定（A W，样本为行）</translation>
    </message>
    <message>
        <source>Column convention (Wˡ aˡ⁻¹, samples as columns)</source>
        <translation>列约定（Wˡ aˡ⁻¹，样本为列）</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>there is no column {number} (the file has {count})</source>
        <translation>没有第 {number} 列（文件共有 {count} 列）</translation>
    </message>
    <message>
        <source>there is no column named {name!r}</source>
        <translation>没有名为 {name!r} 的列</translation>
    </message>
    <message>
        <source>{file} is larger than {most} MB</source>
        <translation>{file} 大于 {most} MB</translation>
    </message>
    <message>
        <source>{file} is not a complete gzip file</source>
        <translation>{file} 不是完整的 gzip 文件</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text: byte {byte} cannot start or continue a character. Save it as UTF-8 (CSV UTF-8 in a spreadsheet) and import it again</source>
        <translation>{file} 不是 UTF-8 文本：第 {byte} 个字节不能作为字符的开头或延续。请将其另存为 UTF-8（电子表格中的“CSV UTF-8”）后重新导入</translation>
    </message>
    <message>
        <source>{file} is a folder, not a file</source>
        <translation>{file} 是文件夹，不是文件</translation>
    </message>
    <message>
        <source>{file} cannot be read: permission denied</source>
        <translation>无法读取 {file}：没有权限</translation>
    </message>
    <message>
        <source>{file} cannot be read ({reason})</source>
        <translation>无法读取 {file}（{reason}）</translation>
    </message>
    <message>
        <source>the file is empty: no rows</source>
        <translation>文件为空：没有任何行</translation>
    </message>
    <message>
        <source>the file has a header but no data rows</source>
        <translation>文件有表头，但没有数据行</translation>
    </message>
    <message>
        <source>the column name {name!r} appears twice</source>
        <translation>列名 {name!r} 出现了两次</translation>
    </message>
    <message>
        <source>has {count} values, more than the {width} columns of row {line} (the header)</source>
        <translation>有 {count} 个值，多于第 {line} 行（表头）的 {width} 列</translation>
    </message>
    <message>
        <source>has {count} values, more than the {width} columns of row {line}</source>
        <translation>有 {count} 个值，多于第 {line} 行的 {width} 列</translation>
    </message>
    <message>
        <source>has {count} values, fewer than the {width} columns of row {line} (the header)</source>
        <translation>有 {count} 个值，少于第 {line} 行（表头）的 {width} 列</translation>
    </message>
    <message>
        <source>has {count} values, fewer than the {width} columns of row {line}</source>
        <translation>有 {count} 个值，少于第 {line} 行的 {width} 列</translation>
    </message>
    <message>
        <source>a cell is longer than {most:,} characters</source>
        <translation>有一个单元格超过 {most:,} 个字符</translation>
    </message>
    <message>
        <source>cannot be split into cells ({reason})</source>
        <translation>无法拆分为单元格（{reason}）</translation>
    </message>
    <message>
        <source>choose at least one feature column</source>
        <translation>请至少选择一个特征列</translation>
    </message>
    <message>
        <source>{name!r} is the label; it cannot also be a feature</source>
        <translation>{name!r} 是标签列，不能同时作为特征</translation>
    </message>
    <message>
        <source>column {name!r} is empty (no label)</source>
        <translation>列 {name!r} 为空（没有标签）</translation>
    </message>
    <message>
        <source>column {name!r} is {value!r} (NaN or infinity), not a label</source>
        <translation>列 {name!r} 的值为 {value!r}（NaN 或无穷大），不能作为标签</translation>
    </message>
    <message>
        <source>column {name!r} holds {value!r}, not a number</source>
        <translation>列 {name!r} 的值为 {value!r}，不是数字</translation>
    </message>
    <message>
        <source>has only one class ({value!r}): nothing to tell apart</source>
        <translation>只有一个类别（{value!r}）：无从区分</translation>
    </message>
    <message>
        <source>has {count} different values; at most {most} classes</source>
        <translation>有 {count} 个不同的值；最多允许 {most} 个类别</translation>
    </message>
    <message>
        <source>must be auto, classes or numeric, got {kind!r}</source>
        <translation>必须是 auto、classes 或 numeric，实际为 {kind!r}</translation>
    </message>
    <message>
        <source>has the same value in every row, so it cannot be standardised</source>
        <translation>每一行的值都相同，因此无法标准化</translation>
    </message>
    <message>
        <source>column {name!r} is empty</source>
        <translation>列 {name!r} 为空</translation>
    </message>
    <message>
        <source>column {name!r} is {value!r} (NaN or infinity), not a number</source>
        <translation>列 {name!r} 的值为 {value!r}（NaN 或无穷大），不是数字</translation>
    </message>
    <message>
        <source>column {name!r} holds {value!r}, too large for a number</source>
        <translation>列 {name!r} 的值为 {value!r}，数值过大</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import a CSV file</source>
        <translation>导入 CSV 文件</translation>
    </message>
    <message>
        <source>The file: one sample per row, cells separated by commas (or semicolons, tabs). The first row holds the column names when any of its cells is not a number. Enter loads it.</source>
        <translation>文件：每行一个样本，单元格以逗号（或分号、制表符）分隔。若首行有任一单元格不是数字，则首行为列名。按 Enter 载入。</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose a CSV file on disk</source>
        <translation>从磁盘选择一个 CSV 文件</translation>
    </message>
    <message>
        <source>The file's first {n} rows, numbered as in the file; a row or cell at fault is marked red.</source>
        <translation>文件的前 {n} 行，行号与文件中一致；出错的行或单元格标为红色。</translation>
    </message>
    <message>
        <source>The column holding each sample's target y: class names or numbers.</source>
        <translation>存放每个样本目标 y 的列：类别名称或数字。</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Text and whole numbers are classes; other numbers are values.</source>
        <translation>文本和整数视为类别；其他数字视为数值。</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Each different label is a class (one-hot targets).</source>
        <translation>每个不同的标签为一个类别（one-hot 目标）。</translation>
    </message>
    <message>
        <source>numeric (regression)</source>
        <translation>数值（回归）</translation>
    </message>
    <message>
        <source>The label is a number to predict.</source>
        <translation>标签是要预测的数值。</translation>
    </message>
    <message>
        <source>How labels become targets: classes (one-hot) or a number (regression).</source>
        <translation>标签如何变为目标：类别（one-hot）或数值（回归）。</translation>
    </message>
    <message>
        <source>&amp;Standardise features (mean 0, sd 1)</source>
        <translation>标准化特征（平均值 0，标准差 1）(&amp;S)</translation>
    </message>
    <message>
        <source>Scale each feature to mean 0 and standard deviation 1 over all rows; the project stores the scaled values.</source>
        <translation>在所有行上将每个特征缩放为平均值 0、标准差 1；项目中存储缩放后的值。</translation>
    </message>
    <message>
        <source>The columns that form each sample's input x, one input unit each.</source>
        <translation>构成每个样本输入 x 的列，每列对应一个输入单元。</translation>
    </message>
    <message>
        <source>What the current choice gives, or why it cannot be imported</source>
        <translation>当前选择的结果，或无法导入的原因</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Use this data in the project (enabled when the choice can be imported)</source>
        <translation>在项目中使用这些数据（当前选择可以导入时可用）</translation>
    </message>
    <message>
        <source>Close without changing the project</source>
        <translation>关闭，不更改项目</translation>
    </message>
    <message>
        <source>Choose a file to see its rows.</source>
        <translation>选择一个文件以查看其中的行。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Pre&amp;view (first {n} rows)</source>
        <translation>预览（前 {n} 行）(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Label column</source>
        <translation>标签列(&amp;L)</translation>
    </message>
    <message>
        <source>Labels &amp;are</source>
        <translation>标签类型(&amp;A)</translation>
    </message>
    <message>
        <source>Fea&amp;tures</source>
        <translation>特征(&amp;T)</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>打开 CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Use column “{name}” as an input feature</source>
        <translation>将列“{name}”用作输入特征</translation>
    </message>
    <message>
        <source>{rows} rows · {n} features</source>
        <translation>{rows} 行 · {n} 个特征</translation>
    </message>
    <message>
        <source>{rows} rows · 1 feature</source>
        <translation>{rows} 行 · 1 个特征</translation>
    </message>
    <message>
        <source> · numeric target “{label}” (regression)</source>
        <translation> · 数值目标“{label}”（回归）</translation>
    </message>
    <message>
        <source>… {n} more</source>
        <translation>… 另有 {n} 个</translation>
    </message>
    <message>
        <source> · {k} classes: {names}</source>
        <translation> · {k} 个类别：{names}</translation>
    </message>
    <message>
        <source> · standardised</source>
        <translation> · 已标准化</translation>
    </message>
    <message>
        <source>Cannot use this data: {reason}</source>
        <translation>无法使用这些数据：{reason}</translation>
    </message>
    <message>
        <source>Row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
</context>
<context>
    <name>CsvPreviewModel</name>
    <message>
        <source>column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Points around the unit square's corners; class 1 at (0, 1) and (1, 0).</source>
        <translation>分布在单位正方形四角附近的点；(0, 1) 和 (1, 0) 处为类别 1。</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>Two concentric rings: no straight line separates them.</source>
        <translation>两个同心圆环：没有直线能把它们分开。</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Two interleaved half-moons.</source>
        <translation>两个相互交错的半月形。</translation>
    </message>
    <message>
        <source>Spiral (k classes)</source>
        <translation>螺旋（k 个类别）</translation>
    </message>
    <message>
        <source>k interleaved spiral arms: needs hidden layers.</source>
        <translation>k 条相互交错的螺旋臂：需要隐藏层。</translation>
    </message>
    <message>
        <source>Blobs (k classes)</source>
        <translation>团簇（k 个类别）</translation>
    </message>
    <message>
        <source>k Gaussian clusters on a circle of radius 2.</source>
        <translation>半径为 2 的圆上的 k 个高斯簇。</translation>
    </message>
    <message>
        <source>Sine (1-D regression)</source>
        <translation>正弦（一维回归）</translation>
    </message>
    <message>
        <source>y = sin x + noise: one input, one real output.</source>
        <translation>y = sin x + 噪声：一个输入，一个实数输出。</translation>
    </message>
    <message>
        <source>Iris (real data, 150 flowers)</source>
        <translation>Iris（真实数据，150 朵花）</translation>
    </message>
    <message>
        <source>Fisher's Iris: 4 measurements, 3 species.</source>
        <translation>Fisher 的 Iris 数据：4 项测量值，3 个品种。</translation>
    </message>
    <message>
        <source>Handwritten digits (real data, 8×8 pixels)</source>
        <translation>手写数字（真实数据，8×8 像素）</translation>
    </message>
    <message>
        <source>1797 handwritten digits 0 … 9, each an image of 8×8 pixels: 64 inputs from 0 (white) to 1 (ink), 10 classes.</source>
        <translation>1797 个手写数字 0 … 9，每个是 8×8 像素的图像：64 个输入，从 0（白）到 1（墨迹），10 个类别。</translation>
    </message>
    <message>
        <source>One sample (typed)</source>
        <translation>单个样本（手动输入）</translation>
    </message>
    <message>
        <source>One sample x and its target y: a worked example.</source>
        <translation>一个样本 x 及其目标 y：计算实例。</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <source>Import a table, choosing its feature and label columns.</source>
        <translation>导入表格，并选择其特征列和标签列。</translation>
    </message>
    <message>
        <source>150 samples · 4 features · 3 classes</source>
        <translation>150 个样本 · 4 个特征 · 3 个类别</translation>
    </message>
    <message>
        <source>1797 samples · 64 features (8×8 pixels) · 10 classes</source>
        <translation>1797 个样本 · 64 个特征（8×8 像素）· 10 个类别</translation>
    </message>
    <message>
        <source>{n} samples (Samples N) · 1 feature · 1 target value</source>
        <translation>{n} 个样本（样本数 N）· 1 个特征 · 1 个目标值</translation>
    </message>
    <message>
        <source>{n} samples (Samples N) · 2 features · k classes</source>
        <translation>{n} 个样本（样本数 N）· 2 个特征 · k 个类别</translation>
    </message>
    <message>
        <source>{n} samples (Samples N) · 2 features · 2 classes</source>
        <translation>{n} 个样本（样本数 N）· 2 个特征 · 2 个类别</translation>
    </message>
    <message>
        <source>{name}: {tip}
{size}
Click to use it.</source>
        <translation>{name}：{tip}
{size}
单击即可使用。</translation>
    </message>
    <message>
        <source>Use the handwritten digits</source>
        <translation>使用手写数字数据</translation>
    </message>
    <message>
        <source>Where the samples come from. The input size follows the data; the output layer changes only when it does not fit the targets.</source>
        <translation>样本的来源。输入大小随数据而定；仅当输出层与目标不匹配时才更改输出层。</translation>
    </message>
    <message>
        <source>N, how many samples to generate (training and test).</source>
        <translation>N，要生成的样本数（训练和测试）。</translation>
    </message>
    <message>
        <source>The standard deviation of the Gaussian noise, a number ≥ 0 such as 0.1.</source>
        <translation>高斯噪声的标准差，一个 ≥ 0 的数，如 0.1。</translation>
    </message>
    <message>
        <source>k, the number of classes: one output unit per class.</source>
        <translation>k，类别数：每个类别一个输出单元。</translation>
    </message>
    <message>
        <source>Seeds the generator: the same seed gives the same samples.</source>
        <translation>生成器的种子：相同的种子生成相同的样本。</translation>
    </message>
    <message>
        <source>Standardise each feature (&amp;z-score)</source>
        <translation>标准化每个特征（z 分数）(&amp;Z)</translation>
    </message>
    <message>
        <source>Scale each input to mean 0 and standard deviation 1.</source>
        <translation>将每个输入缩放为平均值 0、标准差 1。</translation>
    </message>
    <message>
        <source>The inputs x, separated by commas (a point for decimals), such as {x}. Their number becomes the input size n⁰.</source>
        <translation>输入 x，以逗号分隔（小数用小数点），如 {x}。其个数即为输入大小 n⁰。</translation>
    </message>
    <message>
        <source>The target y, such as {y}: one value per output unit.</source>
        <translation>目标 y，如 {y}：每个输出单元一个值。</translation>
    </message>
    <message>
        <source>Choose CSV file…</source>
        <translation>选择 CSV 文件…</translation>
    </message>
    <message>
        <source>Import another CSV file; the project changes only if the import succeeds.</source>
        <translation>导入另一个 CSV 文件；仅当导入成功时才会更改项目。</translation>
    </message>
    <message>
        <source>The share of the samples kept apart as a test set: never trained on, only evaluated. 0 %: every sample trains.</source>
        <translation>留作测试集的样本比例：从不用于训练，只用于评估。0 %：所有样本都用于训练。</translation>
    </message>
    <message>
        <source>Seeds the random choice of the test samples.</source>
        <translation>随机选取测试样本所用的种子。</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>种子 </translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Samples &amp;N</source>
        <translation>样本数 N(&amp;N)</translation>
    </message>
    <message>
        <source>Target y</source>
        <translation>目标 y</translation>
    </message>
    <message>
        <source>Held-out test set</source>
        <translation>留出测试集</translation>
    </message>
    <message>
        <source>Use these data settings (or Enter in a field); Ctrl+Z undoes.</source>
        <translation>应用这些数据设置（或在输入框中按 Enter）；Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>The project's data now: how many samples train and how many test.</source>
        <translation>项目当前的数据：训练样本和测试样本各有多少。</translation>
    </message>
    <message>
        <source>So&amp;urce</source>
        <translation>来源(&amp;U)</translation>
    </message>
    <message>
        <source>Classes &amp;k</source>
        <translation>类别数 k(&amp;K)</translation>
    </message>
    <message>
        <source>Noise σ</source>
        <translation>噪声 σ</translation>
    </message>
    <message>
        <source>&amp;Generator seed</source>
        <translation>生成器种子(&amp;G)</translation>
    </message>
    <message>
        <source>Input &amp;x</source>
        <translation>输入 x(&amp;X)</translation>
    </message>
    <message>
        <source>Table in the project</source>
        <translation>项目中的表格</translation>
    </message>
    <message>
        <source>The samples written in the project; Apply keeps them and changes only the test set.</source>
        <translation>项目中保存的样本；“应用”会保留这些样本，只更改测试集。</translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation>1 个样本</translation>
    </message>
    <message>
        <source>{n} samples: {train} training, {test} test</source>
        <translation>{n} 个样本：{train} 个训练，{test} 个测试</translation>
    </message>
    <message>
        <source>{n} samples, all for training</source>
        <translation>{n} 个样本，全部用于训练</translation>
    </message>
    <message>
        <source>1 feature</source>
        <translation>1 个特征</translation>
    </message>
    <message>
        <source>{d} features</source>
        <translation>{d} 个特征</translation>
    </message>
    <message>
        <source>{k} classes</source>
        <translation>{k} 个类别</translation>
    </message>
    <message>
        <source>1 target value</source>
        <translation>1 个目标值</translation>
    </message>
    <message>
        <source>{k} target values</source>
        <translation>{k} 个目标值</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>未更改：{reason}</translation>
    </message>
    <message>
        <source>two circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>two moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>团簇</translation>
    </message>
    <message>
        <source>sine</source>
        <translation>正弦</translation>
    </message>
    <message>
        <source>Use {name} data ({n} samples)</source>
        <translation>使用{name}数据（{n} 个样本）</translation>
    </message>
    <message>
        <source>Use the Iris data</source>
        <translation>使用 Iris 数据</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>target y</source>
        <translation>目标 y</translation>
    </message>
    <message>
        <source>Use one sample x = ({x})</source>
        <translation>使用单个样本 x = ({x})</translation>
    </message>
    <message>
        <source>Set the test set to {p} %</source>
        <translation>将测试集设为 {p} %</translation>
    </message>
    <message>
        <source>the noise σ must be a number ≥ 0, such as 0.1 (not “{text}”).</source>
        <translation>噪声 σ 必须是 ≥ 0 的数，如 0.1（而不是“{text}”）。</translation>
    </message>
    <message>
        <source>type the {what} as numbers separated by commas, such as 0.05, 0.10.</source>
        <translation>{what} 应填写为以逗号分隔的数字，如 0.05, 0.10。</translation>
    </message>
    <message>
        <source>in the {what}, value {i} “{part}” is not a number.</source>
        <translation>{what} 中的第 {i} 个值“{part}”不是数字。</translation>
    </message>
    <message>
        <source>The project already uses this data.</source>
        <translation>项目已在使用这些数据。</translation>
    </message>
    <message>
        <source>The input size is now {n}.</source>
        <translation>输入大小现在为 {n}。</translation>
    </message>
    <message>
        <source>The output layer is now 1 {activation} unit with loss {loss}, to fit the targets.</source>
        <translation>为适配目标，输出层现在为 1 个 {activation} 单元，损失为 {loss}。</translation>
    </message>
    <message>
        <source>The output layer is now {n} {activation} units with loss {loss}, to fit the targets.</source>
        <translation>为适配目标，输出层现在为 {n} 个 {activation} 单元，损失为 {loss}。</translation>
    </message>
    <message>
        <source>For one-hot targets (2 softmax units with cross-entropy), press + over the output layer on the diagram, or set its Units to 2 in the Network form.</source>
        <translation>若要 one-hot 目标（2 个 softmax 单元配交叉熵），请在图上按输出层上方的 +，或在“网络”表单中把它的单元数设为 2。</translation>
    </message>
    <message>
        <source>The explicit starting weights no longer fit: the weights now start from {method}.</source>
        <translation>显式指定的初始权重不再适用：权重现在改用 {method} 初始化。</translation>
    </message>
    <message>
        <source>a CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>The samples (training filled, test hollow) over what the network outputs at each point of the input plane</source>
        <translation>样本（训练样本实心，测试样本空心），背景为网络在输入平面上各点的输出</translation>
    </message>
    <message>
        <source>The colour of a target value, and of the network's output</source>
        <translation>目标值的颜色，也是网络输出的颜色</translation>
    </message>
    <message>
        <source>Colours are classes, in the points and in the regions the network assigns to them; paler regions are less certain</source>
        <translation>颜色表示类别，既用于点，也用于网络划给各类别的区域；颜色越浅的区域越不确定</translation>
    </message>
    <message>
        <source>What this view cannot show for this data</source>
        <translation>此视图对这些数据无法显示的内容</translation>
    </message>
    <message>
        <source>the colours show output 1 of {k}</source>
        <translation>颜色显示的是 {k} 个输出中的输出 1</translation>
    </message>
    <message>
        <source>{shown} of {n} {which} points shown</source>
        <translation>显示了 {n} 个{which}点中的 {shown} 个</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>x (input)</source>
        <translation>x（输入）</translation>
    </message>
    <message>
        <source>y (target)</source>
        <translation>y（目标）</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>a slice: {x} and {y}, the other {n} inputs at their means</source>
        <translation>一个切面：{x} 和 {y}，其余 {n} 个输入取平均值</translation>
    </message>
    <message>
        <source>class {i}</source>
        <translation>类别 {i}</translation>
    </message>
    <message>
        <source>… {n} classes in all</source>
        <translation>… 共 {n} 个类别</translation>
    </message>
    <message>
        <source>training (filled)</source>
        <translation>训练（实心）</translation>
    </message>
    <message>
        <source>test (hollow)</source>
        <translation>测试（空心）</translation>
    </message>
    <message>
        <source>the network's output aᴸ</source>
        <translation>网络的输出 aᴸ</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <source>the data has {classes} classes, so the output layer needs {classes} units (one-hot) or 1 unit (0/1), but it has {outputs}</source>
        <translation>数据有 {classes} 个类别，因此输出层需要 {classes} 个单元（one-hot）或 1 个单元（0/1），但它有 {outputs} 个</translation>
    </message>
    <message>
        <source>the data has {classes} classes, so the output layer needs {classes} units (one-hot), but it has {outputs}</source>
        <translation>数据有 {classes} 个类别，因此输出层需要 {classes} 个单元（one-hot），但它有 {outputs} 个</translation>
    </message>
    <message>
        <source>unknown generator {name!r}; choose one of {choices}</source>
        <translation>未知的生成器 {name!r}；请从 {choices} 中选择</translation>
    </message>
    <message>
        <source>unknown parameter(s) {names}</source>
        <translation>未知参数 {names}</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to {most}, got {value!r}</source>
        <translation>必须是 1 到 {most} 之间的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a number from 0 to {most}, got {value!r}</source>
        <translation>必须是 0 到 {most} 之间的数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 0, got {value!r}</source>
        <translation>必须是 ≥ 0 的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number from 2 to 50, got {value!r}</source>
        <translation>必须是 2 到 50 之间的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>{name} has 1 target value, but the output layer has {outputs} units</source>
        <translation>{name} 有 1 个目标值，但输出层有 {outputs} 个单元</translation>
    </message>
    <message>
        <source>{name} has {classes} classes, so the output layer needs {classes} units, but it has {outputs}</source>
        <translation>{name} 有 {classes} 个类别，因此输出层需要 {classes} 个单元，但它有 {outputs} 个</translation>
    </message>
    <message>
        <source>unknown dataset {name!r}; choose one of {choices}</source>
        <translation>未知的数据集 {name!r}；请从 {choices} 中选择</translation>
    </message>
</context>
<context>
    <name>DigitPad</name>
    <message>
        <source>Draw a digit: click or drag with the left mouse button to ink a pixel (16), with the right button to erase it (0). The 64 pixels, divided by 16, are the input x.</source>
        <translation>画一个数字：按住鼠标左键单击或拖动为像素上墨（16），用右键擦除（0）。64 个像素除以 16 即为输入 x。</translation>
    </message>
    <message>
        <source>Digit drawing pad</source>
        <translation>数字画板</translation>
    </message>
</context>
<context>
    <name>DigitsView</name>
    <message>
        <source>First-layer weights, one picture per hidden unit</source>
        <translation>第一层权重，每个隐藏单元一幅图</translation>
    </message>
    <message>
        <source>Row i of W¹ holds unit i's 64 weights, one per input pixel: drawn as the 8×8 image they weigh. Red: ink there raises the unit's z; blue: lowers it. Watch them while training.</source>
        <translation>W¹ 的第 i 行是单元 i 的 64 个权重，每个输入像素一个：画成它们所加权的 8×8 图像。红色：该处有墨迹会使单元的 z 增大；蓝色：使其减小。训练时可观察它们的变化。</translation>
    </message>
    <message>
        <source>Own scale per picture</source>
        <translation>每幅图各用自己的色标</translation>
    </message>
    <message>
        <source>Off: one colour scale for every picture, as the W¹ panel's, so they compare. On: each picture from its own −max|w| to +max|w|, which shows the pattern of a unit whose weights are small.</source>
        <translation>关闭：所有图共用一个色标（与 W¹ 面板相同），便于相互比较。开启：每幅图从它自己的 −max|w| 到 +max|w|，可看清权重较小的单元的图案。</translation>
    </message>
    <message>
        <source>y = </source>
        <translation>y = </translation>
    </message>
    <message>
        <source>The digit you drew: the target y (one-hot) for the loss and the backward pass.</source>
        <translation>你画的数字：用于损失和反向传播的目标 y（one-hot）。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Blank every pixel of the pad.</source>
        <translation>清空画板上的所有像素。</translation>
    </message>
    <message>
        <source>Take sample 1</source>
        <translation>取样本 1</translation>
    </message>
    <message>
        <source>Copy the first sample the panels show (column #1 of the batch) onto the pad, with its digit y: change it, then step it.</source>
        <translation>把各面板显示的第一个样本（批次的第 1 列）连同其数字 y 复制到画板上：修改后再单步执行。</translation>
    </message>
    <message>
        <source>Step this digit</source>
        <translation>单步执行这个数字</translation>
    </message>
    <message>
        <source>Make the drawing the only sample, with the network's weights of now: step it forward and backward with the step keys (F11) and watch every panel. The data and the training come back with Ctrl+Z.</source>
        <translation>把所画的数字作为唯一样本，并使用网络当前的权重：用单步键（F11）对它做前向和反向传播，观察每个面板。按 Ctrl+Z 可恢复原来的数据和训练。</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>画一个数字</translation>
    </message>
    <message>
        <source>Draw, choose the digit y, then Step this digit: it becomes the sample the panels show. Ctrl+Z gives back the data and the training.</source>
        <translation>画好后选择数字 y，再点“单步执行这个数字”：它就成为各面板显示的样本。按 Ctrl+Z 可恢复原来的数据和训练。</translation>
    </message>
    <message>
        <source>Weight pictures and the drawing pad are for a network whose inputs are an 8×8 image: 64 inputs, such as the handwritten digits (Data tab, or File ▸ Open example). This network has {n} inputs.</source>
        <translation>权重图和画板适用于输入为 8×8 图像的网络：64 个输入，例如手写数字（“数据”标签页，或“文件 ▸ 打开示例”）。这个网络有 {n} 个输入。</translation>
    </message>
    <message>
        <source>{units} units of layer 1 · each picture from −max|w| (blue) to +max|w| (red) of its own row</source>
        <translation>第 1 层的 {units} 个单元 · 每幅图从它自己那一行的 −max|w|（蓝）到 +max|w|（红）</translation>
    </message>
    <message>
        <source>{units} units of layer 1 · colours from −{limit} (blue) to +{limit} (red), the W¹ panel's scale</source>
        <translation>第 1 层的 {units} 个单元 · 颜色从 −{limit}（蓝）到 +{limit}（红），与 W¹ 面板的色标相同</translation>
    </message>
    <message>
        <source>Step a drawn {digit}</source>
        <translation>单步执行手绘的 {digit}</translation>
    </message>
</context>
<context>
    <name>DrawnSample</name>
    <message>
        <source>a drawn digit has 64 pixels, but the network has {n} inputs</source>
        <translation>手绘数字有 64 个像素，但网络有 {n} 个输入</translation>
    </message>
    <message>
        <source>the digit must be from 0 to {most}: the output layer has {n} units</source>
        <translation>数字必须在 0 到 {most} 之间：输出层有 {n} 个单元</translation>
    </message>
</context>
<context>
    <name>EngineController</name>
    <message>
        <source>Not enough memory for this network and data; nothing was changed.</source>
        <translation>内存不足，无法处理此网络和数据；未做任何更改。</translation>
    </message>
    <message>
        <source>Internal error in the engine: {error}</source>
        <translation>计算引擎内部错误：{error}</translation>
    </message>
    <message>
        <source>Stopped after {n} iteration(s).</source>
        <translation>已在 {n} 次迭代后停止。</translation>
    </message>
    <message>
        <source>the weights after {done} updates, the batch of iteration {i} ({m} samples)</source>
        <translation>更新 {done} 次后的权重，第 {i} 次迭代的批次（{m} 个样本）</translation>
    </message>
    <message>
        <source>; arrays larger than {n} entries checked on {n} entries drawn at random</source>
        <translation>；超过 {n} 个元素的数组仅在随机抽取的 {n} 个元素上检验</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The training process failed: {error}</source>
        <translation>训练进程失败：{error}</translation>
    </message>
    <message>
        <source>{n} epoch(s) done.</source>
        <translation>已训练 {n} 轮。</translation>
    </message>
    <message>
        <source>the training loss {loss} is below the target {target}.</source>
        <translation>训练损失 {loss} 已低于目标 {target}。</translation>
    </message>
    <message>
        <source>the training loss {loss} fell below the breakpoint.</source>
        <translation>训练损失 {loss} 已低于断点。</translation>
    </message>
    <message>
        <source>at the end of epoch {e}.</source>
        <translation>在第 {e} 轮结束时。</translation>
    </message>
    <message>
        <source>Diverged: a number became NaN or infinite.</source>
        <translation>已发散：某个数值变为 NaN 或无穷大。</translation>
    </message>
    <message>
        <source>epoch {done} of {asked} of this run ({total} in all)</source>
        <translation>本次运行第 {done} 轮，共 {asked} 轮（总第 {total} 轮）</translation>
    </message>
    <message>
        <source>target loss {target}</source>
        <translation>目标损失 {target}</translation>
    </message>
    <message>
        <source>training loss {loss}, target {target}</source>
        <translation>训练损失 {loss}，目标 {target}</translation>
    </message>
    <message>
        <source>; with the planted bug “{name}”: its loss, and the gradients its update follows</source>
        <translation>；含植入的错误“{name}”：检查的是它的损失，以及它的更新所沿用的梯度</translation>
    </message>
</context>
<context>
    <name>EntryRef</name>
    <message>
        <source>layer {l} does not exist (layers 1 … {L})</source>
        <translation>第 {l} 层不存在（层为 1 … {L}）</translation>
    </message>
    <message>
        <source>{label} is outside the array ({rows} × {cols})</source>
        <translation>{label} 超出了数组范围（{rows} × {cols}）</translation>
    </message>
    <message>
        <source>not an entry: {text!r} (write it like W2[1,2], b2[1], z2[1], a2[1], delta2[1], dW2[1,2])</source>
        <translation>不是一个条目：{text!r}（请写成 W2[1,2]、b2[1]、z2[1]、a2[1]、delta2[1]、dW2[1,2] 这样的形式）</translation>
    </message>
    <message>
        <source>indices start at 1: {text!r}</source>
        <translation>下标从 1 开始：{text!r}</translation>
    </message>
    <message>
        <source>a weight needs two indices: {text!r}</source>
        <translation>权重需要两个下标：{text!r}</translation>
    </message>
    <message>
        <source>a bias has one column: {text!r}</source>
        <translation>偏置只有一列：{text!r}</translation>
    </message>
</context>
<context>
    <name>EquationPanel</name>
    <message>
        <source>⊙ — the Hadamard product: element-wise multiplication of two arrays of the same shape, (A ⊙ B)ᵢⱼ = Aᵢⱼ · Bᵢⱼ. Not a matrix product.</source>
        <translation>⊙ —— 哈达玛积：两个形状相同的数组逐元素相乘，(A ⊙ B)ᵢⱼ = Aᵢⱼ · Bᵢⱼ。不是矩阵乘积。</translation>
    </message>
    <message>
        <source>∇ₐL — the gradient of the loss with respect to the output activations, [∂L/∂a₁, …, ∂L/∂aₙ]ᵀ: how the loss changes when each output moves a little. The backward pass starts here.</source>
        <translation>∇ₐL —— 损失对输出激活值的梯度，[∂L/∂a₁, …, ∂L/∂aₙ]ᵀ：每个输出稍有变化时损失如何变化。反向传播从这里开始。</translation>
    </message>
    <message>
        <source>η — the learning rate: how far each update moves the parameters against the gradient.</source>
        <translation>η —— 学习率：每次更新让参数沿梯度反方向移动多远。</translation>
    </message>
    <message>
        <source>δˡ = ∂L/∂zˡ — the error of layer l: how the loss changes with each unit's weighted input. One column per sample, never averaged.</source>
        <translation>δˡ = ∂L/∂zˡ —— 第 l 层的误差：损失如何随每个单元的加权输入变化。每个样本一列，从不取平均。</translation>
    </message>
    <message>
        <source>Row convention: W is (nˡ⁻¹ × nˡ), the transpose of Wˡ; the m samples of a batch are the rows of Aˡ, Zˡ, δˡ (m × nˡ), and W[k, j] connects unit k of layer l−1 to unit j. Same numbers, transposed. Hover ⊙, ∇ₐL or η for its meaning.</source>
        <translation>行约定：W 为 (nˡ⁻¹ × nˡ)，即 Wˡ 的转置；一个批次的 m 个样本是 Aˡ、Zˡ、δˡ 的行（m × nˡ），W[k, j] 连接第 l−1 层的单元 k 与单元 j。数值相同，只是转置。将鼠标悬停在 ⊙、∇ₐL 或 η 上可查看其含义。</translation>
    </message>
    <message>
        <source>deeplearning.ai notation (seed 002): W^[l] is (n^[l] × n^[l−1]); the m samples of a batch are the columns of A^[l], Z^[l], dZ^[l]; dZ^[l] = ∂L/∂Z^[l], dW^[l] = ∂L/∂W^[l] (the batch mean). Hover ⊙, dA^[L] or α for its meaning.</source>
        <translation>deeplearning.ai 记法（种子 002）：W^[l] 为 (n^[l] × n^[l−1])；一个批次的 m 个样本是 A^[l]、Z^[l]、dZ^[l] 的各列；dZ^[l] = ∂L/∂Z^[l]，dW^[l] = ∂L/∂W^[l]（批次平均）。将鼠标悬停在 ⊙、dA^[L] 或 α 上可查看其含义。</translation>
    </message>
    <message>
        <source>Column convention: Wˡ is (nˡ × nˡ⁻¹); the m samples of a batch are the columns of aˡ, zˡ, δˡ. Hover ⊙, ∇ₐL or η for its meaning.</source>
        <translation>列约定：Wˡ 为 (nˡ × nˡ⁻¹)；一个批次的 m 个样本是 aˡ、zˡ、δˡ 的列。将鼠标悬停在 ⊙、∇ₐL 或 η 上可查看其含义。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Ready · next: {stage} · iteration {i} · batch of m = {m}</source>
        <translation>就绪 · 下一步：{stage} · 第 {i} 次迭代 · 批次 m = {m}</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>{kind} · layer {l} of {L} · iteration {i} · batch of m = {m}</source>
        <translation>{kind} · 第 {l} 层（共 {L} 层） · 第 {i} 次迭代 · 批次 m = {m}</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>{kind} · iteration {i} · batch of m = {m}</source>
        <translation>{kind} · 第 {i} 次迭代 · 批次 m = {m}</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>weighted input, then the activation; one row per sample, A⁰ = X, and W is nˡ⁻¹ × nˡ; a weight W[k, j] connects unit k of layer l−1 to unit j of layer l</source>
        <translation>先算加权输入，再算激活值；每个样本一行，A⁰ = X，W 为 nˡ⁻¹ × nˡ；权重 W[k, j] 连接第 l−1 层的单元 k 与第 l 层的单元 j</translation>
    </message>
    <message>
        <source>weighted input, then the activation; a⁰ = x, and Wˡ is nˡ × nˡ⁻¹</source>
        <translation>先算加权输入，再算激活值；a⁰ = x，Wˡ 为 nˡ × nˡ⁻¹</translation>
    </message>
    <message>
        <source>BP1 for softmax + cross-entropy: softmax's Jacobian is not diagonal, so ∇ₐL ⊙ f′(zᴸ) does not apply as written; the product collapses to aᴸ − y (why: see below)</source>
        <translation>softmax + 交叉熵时的 BP1：softmax 的雅可比矩阵不是对角矩阵，因此 ∇ₐL ⊙ f′(zᴸ) 不能照原式使用；该乘积化简为 aᴸ − y（原因见下文）</translation>
    </message>
    <message>
        <source> (seed 000's (wˡ)ᵀ means this matrix)</source>
        <translation>（参考文章 000 的 (wˡ)ᵀ 指的就是这个矩阵）</translation>
    </message>
    <message>
        <source>BP1 for sigmoid + binary cross-entropy: ∇ₐL ⊙ σ′(zᴸ) = (−y/a + (1 − y)/(1 − a))·a(1 − a) = a − y</source>
        <translation>sigmoid + 二元交叉熵时的 BP1：∇ₐL ⊙ σ′(zᴸ) = (−y/a + (1 − y)/(1 − a))·a(1 − a) = a − y</translation>
    </message>
    <message>
        <source>BP1 with a softmax output: its Jacobian is full, so ⊙ becomes a product with the Jacobian: δᵢ = aᵢ((∇ₐL)ᵢ − Σₖ aₖ(∇ₐL)ₖ)</source>
        <translation>输出层为 softmax 时的 BP1：其雅可比矩阵是满矩阵，因此 ⊙ 变为与雅可比矩阵的乘积：δᵢ = aᵢ((∇ₐL)ᵢ − Σₖ aₖ(∇ₐL)ₖ)</translation>
    </message>
    <message>
        <source>error of the output layer; here f′ is {d}</source>
        <translation>输出层的误差；此处 f′ 为 {d}</translation>
    </message>
    <message>
        <source>error of layer l from the layer above; Wˡ⁺¹ is the matrix of layer l+1 (nˡ × nˡ⁺¹ in this convention), δ is m × nˡ</source>
        <translation>第 l 层的误差，由其上一层求得；Wˡ⁺¹ 是第 l+1 层的矩阵（在此约定下为 nˡ × nˡ⁺¹），δ 为 m × nˡ</translation>
    </message>
    <message>
        <source>bias gradient: per sample ∂L/∂bˡⱼ = δˡⱼ, then the mean over the batch (down each column)</source>
        <translation>偏置梯度：每个样本 ∂L/∂bˡⱼ = δˡⱼ，再对批次取平均值（沿每一列）</translation>
    </message>
    <message>
        <source>weight gradient: per sample ∂L/∂W[k, j] = aˡ⁻¹ₖ δˡⱼ, then the mean over the batch</source>
        <translation>权重梯度：每个样本 ∂L/∂W[k, j] = aˡ⁻¹ₖ δˡⱼ，再对批次取平均值</translation>
    </message>
    <message>
        <source>error of layer l from the layer above; Wˡ⁺¹ is the matrix of layer l+1 (nˡ⁺¹ × nˡ)</source>
        <translation>第 l 层的误差，由其上一层求得；Wˡ⁺¹ 是第 l+1 层的矩阵（nˡ⁺¹ × nˡ）</translation>
    </message>
    <message>
        <source>bias gradient: per sample ∂L/∂bˡⱼ = δˡⱼ, then the mean over the batch</source>
        <translation>偏置梯度：每个样本 ∂L/∂bˡⱼ = δˡⱼ，再对批次取平均值</translation>
    </message>
    <message>
        <source>weight gradient: per sample ∂L/∂wˡⱼₖ = aˡ⁻¹ₖ δˡⱼ, then the mean over the batch</source>
        <translation>权重梯度：每个样本 ∂L/∂wˡⱼₖ = aˡ⁻¹ₖ δˡⱼ，再对批次取平均值</translation>
    </message>
    <message>
        <source>squared error with ½: ∇ₐL = aᴸ − y</source>
        <translation>带 ½ 的平方误差：∇ₐL = aᴸ − y</translation>
    </message>
    <message>
        <source>squared error without ½, as seed 004 (after 3Blue1Brown's video) writes it: ∇ₐL = 2(aᴸ − y)</source>
        <translation>不带 ½ 的平方误差，参考文章 004（依据 3Blue1Brown 的视频）就是这样写的：∇ₐL = 2(aᴸ − y)</translation>
    </message>
    <message>
        <source>squared error without ½: ∇ₐL = 2(aᴸ − y)</source>
        <translation>不带 ½ 的平方误差：∇ₐL = 2(aᴸ − y)</translation>
    </message>
    <message>
        <source>binary cross-entropy: ∇ₐL = −y/a + (1 − y)/(1 − a)</source>
        <translation>二元交叉熵：∇ₐL = −y/a + (1 − y)/(1 − a)</translation>
    </message>
    <message>
        <source> The batch loss is the mean over the samples, not their sum, so the gradients carry 1/m.</source>
        <translation>批损失是对样本取平均值，而不是求和，因此梯度带有 1/m。</translation>
    </message>
    <message>
        <source> Seed 003 writes the sum over the samples; BP Studio takes the mean, so the gradients carry 1/m.</source>
        <translation>参考文章 003 写的是对样本求和；BP Studio 取平均值，因此梯度带有 1/m。</translation>
    </message>
    <message>
        <source>Without the ½ the gradient would be 2(a − y).</source>
        <translation>若没有 ½，梯度将是 2(a − y)。</translation>
    </message>
    <message>
        <source>With a ½ in front the gradient would be a − y.</source>
        <translation>若前面加上 ½，梯度将是 a − y。</translation>
    </message>
    <message>
        <source>Why δᴸ = aᴸ − y with softmax and cross-entropy: softmax's Jacobian is not diagonal — every aₖ depends on every zᵢ, ∂aₖ/∂zᵢ = aₖ(1[i=k] − aᵢ). So BP1's ⊙, which pairs each aᵢ with its own zᵢ only, does not apply; the chain rule sums over all outputs: ∂L/∂zᵢ = Σₖ (∂L/∂aₖ)(∂aₖ/∂zᵢ) = Σₖ (−yₖ/aₖ)·aₖ(1[i=k] − aᵢ) = −yᵢ + aᵢ Σₖ yₖ = aᵢ − yᵢ, since Σₖ yₖ = 1 (one-hot y). The engine computes δᴸ = aᴸ − y directly.</source>
        <translation>为什么 softmax 与交叉熵时 δᴸ = aᴸ − y：softmax 的雅可比矩阵不是对角矩阵——每个 aₖ 都依赖于每个 zᵢ，∂aₖ/∂zᵢ = aₖ(1[i=k] − aᵢ)。因此 BP1 中只将每个 aᵢ 与其自身 zᵢ 配对的 ⊙ 不适用；链式法则要对所有输出求和：∂L/∂zᵢ = Σₖ (∂L/∂aₖ)(∂aₖ/∂zᵢ) = Σₖ (−yₖ/aₖ)·aₖ(1[i=k] − aᵢ) = −yᵢ + aᵢ Σₖ yₖ = aᵢ − yᵢ，因为 Σₖ yₖ = 1（one-hot y）。计算引擎直接计算 δᴸ = aᴸ − y。</translation>
    </message>
    <message>
        <source>Why δᴸ = aᴸ − y with sigmoid and binary cross-entropy: ∇ₐL = −y/a + (1 − y)/(1 − a) and σ′(z) = a(1 − a), so δᴸ = ∇ₐL ⊙ σ′(zᴸ) = (−y/a + (1 − y)/(1 − a))·a(1 − a) = −y(1 − a) + (1 − y)a = a − y. The engine computes a − y directly, which stays exact where a saturates to 0 or 1.</source>
        <translation>为什么 sigmoid 与二元交叉熵时 δᴸ = aᴸ − y：∇ₐL = −y/a + (1 − y)/(1 − a)，且 σ′(z) = a(1 − a)，所以 δᴸ = ∇ₐL ⊙ σ′(zᴸ) = (−y/a + (1 − y)/(1 − a))·a(1 − a) = −y(1 − a) + (1 − y)a = a − y。计算引擎直接计算 a − y，在 a 饱和到 0 或 1 时依然精确。</translation>
    </message>
    <message>
        <source>BP2: Wˡ⁺¹ is the weight matrix of layer l+1 (nˡ × nˡ⁺¹ in the row convention, it maps layer l to layer l+1), and its transpose carries δˡ⁺¹ back to layer l.</source>
        <translation>BP2：Wˡ⁺¹ 是第 l+1 层的权重矩阵（在行约定中为 nˡ × nˡ⁺¹，它把第 l 层映射到第 l+1 层），其转置把 δˡ⁺¹ 传回第 l 层。</translation>
    </message>
    <message>
        <source>BP2: Wˡ⁺¹ is the weight matrix of layer l+1 (nˡ⁺¹ × nˡ, it maps layer l to layer l+1), and its transpose carries δˡ⁺¹ back to layer l.</source>
        <translation>BP2：Wˡ⁺¹ 是第 l+1 层的权重矩阵（nˡ⁺¹ × nˡ，它把第 l 层映射到第 l+1 层），其转置把 δˡ⁺¹ 传回第 l 层。</translation>
    </message>
    <message>
        <source>gradient descent with momentum μ = {mu} (v remembers the previous steps) and L2 weight decay λ = {lam} (pulls weights towards 0), η = {eta}; v and u start at 0</source>
        <translation>带动量 μ = {mu}（v 记住之前的步长）和 L2 权重衰减 λ = {lam}（把权重拉向 0）的梯度下降，η = {eta}；v 和 u 从 0 开始</translation>
    </message>
    <message>
        <source>one gradient-descent step for every layer, η = {eta}</source>
        <translation>对每一层执行一步梯度下降，η = {eta}</translation>
    </message>
    <message>
        <source>per sample,  batch L = mean over m samples</source>
        <translation>（每个样本），  批次 L = m 个样本的平均值</translation>
    </message>
    <message>
        <source>cross-entropy with one-hot y: ∇ₐL = −y / aᴸ</source>
        <translation>one-hot y 的交叉熵：∇ₐL = −y / aᴸ</translation>
    </message>
    <message>
        <source>Computed from zᴸ as max(z, 0) − z·y + log(1 + e^(−|z|)), so never log 0.</source>
        <translation>由 zᴸ 按 max(z, 0) − z·y + log(1 + e^(−|z|)) 计算，因此不会出现 log 0。</translation>
    </message>
    <message>
        <source>Computed from zᴸ with log-sum-exp, so never log 0.</source>
        <translation>由 zᴸ 用 log-sum-exp 计算，因此不会出现 log 0。</translation>
    </message>
    <message>
        <source>Layer {l} before this iteration</source>
        <translation>本次迭代前的第 {l} 层</translation>
    </message>
    <message>
        <source>With the numbers: loss</source>
        <translation>代入数值：损失</translation>
    </message>
    <message>
        <source>With the numbers: forward, layer {l}</source>
        <translation>代入数值：前向，第 {l} 层</translation>
    </message>
    <message>
        <source>With the numbers: backward, layer {l}</source>
        <translation>代入数值：反向，第 {l} 层</translation>
    </message>
    <message>
        <source>With the numbers: update, layer {l}</source>
        <translation>代入数值：更新，第 {l} 层</translation>
    </message>
    <message>
        <source>Batch of m = {m}: ∇ₐL and δ are per sample — one row per sample, never averaged; ∂L/∂W and ∂L/∂b are averaged over the m samples (the 1/m of BP3 and BP4), and the batch loss is the mean of the per-sample losses.</source>
        <translation>批次 m = {m}：∇ₐL 和 δ 按样本计算——每个样本一行，从不取平均；∂L/∂W 和 ∂L/∂b 对 m 个样本取平均（即 BP3 和 BP4 中的 1/m），批次损失是各样本损失的平均值。</translation>
    </message>
    <message>
        <source>Batch of m = {m}: ∇ₐL and δ are per sample — one column per sample, never averaged; ∂L/∂W and ∂L/∂b are averaged over the m samples (the 1/m of BP3 and BP4), and the batch loss is the mean of the per-sample losses.</source>
        <translation>批次 m = {m}：∇ₐL 和 δ 按样本计算——每个样本一列，从不取平均；∂L/∂W 和 ∂L/∂b 对 m 个样本取平均（即 BP3 和 BP4 中的 1/m），批次损失是各样本损失的平均值。</translation>
    </message>
    <message>
        <source>BP2 and seed 000: seed 000 writes BP2 with (wˡ)ᵀ — an index slip; its own derivation uses the weights between layers l and l+1. Here Wˡ⁺¹ is the weight matrix of layer l+1 (nˡ × nˡ⁺¹ in the row convention, it maps layer l to layer l+1), and its transpose carries δˡ⁺¹ back to layer l.</source>
        <translation>BP2 与参考文章 000：参考文章 000 把 BP2 写成 (wˡ)ᵀ——这是一个下标笔误；它自己的推导用的是第 l 层与第 l+1 层之间的权重。这里 Wˡ⁺¹ 是第 l+1 层的权重矩阵（在行约定下为 nˡ × nˡ⁺¹，它把第 l 层映射到第 l+1 层），其转置把 δˡ⁺¹ 传回第 l 层。</translation>
    </message>
    <message>
        <source>BP2 and seed 000: seed 000 writes BP2 with (wˡ)ᵀ — an index slip; its own derivation uses the weights between layers l and l+1. Here Wˡ⁺¹ is the weight matrix of layer l+1 (nˡ⁺¹ × nˡ, it maps layer l to layer l+1), and its transpose carries δˡ⁺¹ back to layer l.</source>
        <translation>BP2 与参考文章 000：参考文章 000 把 BP2 写成 (wˡ)ᵀ——这是一个下标笔误；它自己的推导用的是第 l 层与第 l+1 层之间的权重。这里 Wˡ⁺¹ 是第 l+1 层的权重矩阵（nˡ⁺¹ × nˡ，它把第 l 层映射到第 l+1 层），其转置把 δˡ⁺¹ 传回第 l 层。</translation>
    </message>
    <message>
        <source>In this network δ¹ is computed with W² ({r} × {c}).</source>
        <translation>在此网络中，δ¹ 由 W²（{r} × {c}）计算得到。</translation>
    </message>
    <message>
        <source>{name} (not computed)</source>
        <translation>{name}（未计算）</translation>
    </message>
    <message>
        <source>Sample 1 (row 1 of {m}):</source>
        <translation>样本 1（共 {m} 行中的第 1 行）：</translation>
    </message>
    <message>
        <source>Sample 1 (column 1 of {m}):</source>
        <translation>样本 1（共 {m} 列中的第 1 列）：</translation>
    </message>
    <message>
        <source>Nothing is computed in this iteration yet; next: {stage}.</source>
        <translation>本次迭代尚未计算任何内容；下一步：{stage}。</translation>
    </message>
    <message>
        <source>b{s} is added to every row (every sample); A⁰ = X, the inputs, one row per sample.</source>
        <translation>b{s} 加到每一行（每个样本）上；A⁰ = X，即输入，每个样本一行。</translation>
    </message>
    <message>
        <source>b{s} is added to every column (every sample); a⁰ = x, the inputs.</source>
        <translation>b{s} 加到每一列（每个样本）上；a⁰ = x，即输入。</translation>
    </message>
    <message>
        <source>where {formula}</source>
        <translation>其中 {formula}</translation>
    </message>
    <message>
        <source>L per sample</source>
        <translation>每个样本的 L</translation>
    </message>
    <message>
        <source>batch L</source>
        <translation>批次 L</translation>
    </message>
    <message>
        <source>mean of the {m} values</source>
        <translation>{m} 个值的平均值</translation>
    </message>
    <message>
        <source>(With a fused output, BP1 does not need ∇ₐL: δᴸ = aᴸ − y, see the next stage.)</source>
        <translation>（使用融合输出时，BP1 不需要 ∇ₐL：δᴸ = aᴸ − y，见下一阶段。）</translation>
    </message>
    <message>
        <source>Softmax's Jacobian is full, so BP1's ⊙ becomes this product; the column of sums is subtracted from every column.</source>
        <translation>softmax 的雅可比矩阵是满矩阵，因此 BP1 中的 ⊙ 变为这个乘积；求和得到的那一列从每一列中减去。</translation>
    </message>
    <message>
        <source>Softmax's Jacobian is full, so BP1's ⊙ becomes this product; the row of sums is subtracted from every row.</source>
        <translation>softmax 的雅可比矩阵是满矩阵，因此 BP1 中的 ⊙ 变为这个乘积；求和得到的那一行从每一行中减去。</translation>
    </message>
    <message>
        <source>BP1, where {d}.</source>
        <translation>BP1，其中 {d}。</translation>
    </message>
    <message>
        <source>BP2: W{u} is the weight matrix of layer {l1} ({r} × {c}), the weights between layers {l} and {l1}{seed}; {d}.</source>
        <translation>BP2：W{u} 是第 {l1} 层的权重矩阵（{r} × {c}），即第 {l} 层与第 {l1} 层之间的权重{seed}；{d}。</translation>
    </message>
    <message>
        <source>BP2: W{u} is the weight matrix of layer {l1} ({r} × {c} in the row convention), the weights between layers {l} and {l1}{seed}; {d}.</source>
        <translation>BP2：W{u} 是第 {l1} 层的权重矩阵（在行约定中为 {r} × {c}），即第 {l} 层与第 {l1} 层之间的权重{seed}；{d}。</translation>
    </message>
    <message>
        <source>BP3: each column of δ{s} summed over the {m} samples (its rows), divided by m = {m}.</source>
        <translation>BP3：δ{s} 的每一列对 {m} 个样本（即其各行）求和，再除以 m = {m}。</translation>
    </message>
    <message>
        <source>BP4: the product sums {a}ₖ·δ{s}ⱼ over the samples into entry [k, j]; 1/m makes it the mean.</source>
        <translation>BP4：该乘积把 {a}ₖ·δ{s}ⱼ 对所有样本求和，放入元素 [k, j]；乘以 1/m 即得平均值。</translation>
    </message>
    <message>
        <source>BP3: each row of δ{s} summed over the {m} samples, divided by m = {m}.</source>
        <translation>BP3：δ{s} 的每一行对 {m} 个样本求和，再除以 m = {m}。</translation>
    </message>
    <message>
        <source>BP4: the product sums δ{s}ⱼ·{a}ₖ over the samples; 1/m makes it the mean.</source>
        <translation>BP4：该乘积对样本求和 δ{s}ⱼ·{a}ₖ；1/m 使其成为平均值。</translation>
    </message>
    <message>
        <source>With momentum μ = {mu} and L2 λ = {lam} the step vˡ also carries the earlier steps, so it is shown as taken: vˡ = Wˡ(after) − Wˡ(before).</source>
        <translation>使用动量 μ = {mu} 和 L2 λ = {lam} 时，步长 vˡ 还包含之前的步长，因此显示为实际走过的步长：vˡ = Wˡ(更新后) − Wˡ(更新前)。</translation>
    </message>
    <message>
        <source>A parameter was edited after this update; these are the current values, used by the next iteration.</source>
        <translation>此次更新之后编辑过某个参数；这里显示的是当前值，将用于下一次迭代。</translation>
    </message>
    <message>
        <source>All {L} layers are updated in this stage with η = {eta}; this is layer {l} (select a layer to see another).</source>
        <translation>本阶段用 η = {eta} 更新全部 {L} 层；这是第 {l} 层（选择其他层可查看该层）。</translation>
    </message>
    <message>
        <source>(The values before the update are recovered as the new value + η ∂L/∂W.)</source>
        <translation>（更新前的值由新值 + η ∂L/∂W 还原得到。）</translation>
    </message>
    <message>
        <source>Adam with β₁ = {b1}, β₂ = {b2}, ε = {eps}, η = {eta}, L2 λ = {lam}: v is a running mean of the gradients (momentum), s of their squares; both start at 0, so dividing by 1 − βᵗ (t = updates so far) corrects their pull towards 0. Each weight steps about η against its own gradient's sign, whatever its size</source>
        <translation>Adam，β₁ = {b1}，β₂ = {b2}，ε = {eps}，η = {eta}，L2 λ = {lam}：v 是梯度的滑动平均（动量），s 是梯度平方的滑动平均；两者都从 0 开始，所以除以 1 − βᵗ（t = 至今的更新次数）来纠正它们偏向 0 的倾向。每个权重大约朝自身梯度符号的反方向走 η 一步，与梯度大小无关</translation>
    </message>
    <message>
        <source>RMSProp with α = {alpha}, ε = {eps}, η = {eta}, L2 λ = {lam}: s is a running mean of the squared gradients (starting at 0); dividing by √s gives every weight a step of its own size</source>
        <translation>RMSProp，α = {alpha}，ε = {eps}，η = {eta}，L2 λ = {lam}：s 是梯度平方的滑动平均（从 0 开始）；除以 √s 让每个权重有自己大小的步长</translation>
    </message>
    <message>
        <source>This update was made with other settings than the ones now chosen; these are the current values, used by the next iteration.</source>
        <translation>这次更新是用与现在所选不同的设置做的；这里显示的是当前值，供下一次迭代使用。</translation>
    </message>
    <message>
        <source>v and s are shown after this update (t = {t}); all {L} layers are updated in this stage, this is layer {l}.</source>
        <translation>v 和 s 显示的是这次更新之后的值（t = {t}）；这一阶段更新全部 {L} 层，这里是第 {l} 层。</translation>
    </message>
    <message>
        <source>s is shown after this update; all {L} layers are updated in this stage, this is layer {l}.</source>
        <translation>s 显示的是这次更新之后的值；这一阶段更新全部 {L} 层，这里是第 {l} 层。</translation>
    </message>
    <message>
        <source>(The values before the update are recovered as the new value + the step.)</source>
        <translation>（更新前的值由新值 + 步长还原得到。）</translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <source>{n} more errors since (details on stderr).</source>
        <translation>此后又发生了 {n} 个错误（详情见 stderr）。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that BP Studio did not expect: {error}

Your work is still open as it was; saving it under a new name is a good idea. The details (Show Details…) can be copied into a bug report.</source>
        <translation>发生了 BP Studio 未预料到的错误：{error}

你的工作仍保持原样打开；建议现在以新名称保存。详细信息（显示详细信息…）可以复制到错误报告中。</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>Handwritten digits: 64-32-10 softmax</source>
        <translation>手写数字：64-32-10 softmax</translation>
    </message>
    <message>
        <source>Iris: softmax on a real dataset</source>
        <translation>Iris：真实数据集上的 softmax</translation>
    </message>
    <message>
        <source>Seed 000: the output-layer error δᴸ</source>
        <translation>参考文章 000：输出层误差 δᴸ</translation>
    </message>
    <message>
        <source>Seed 001: where the batch mean is taken</source>
        <translation>参考文章 001：批次平均在哪里取</translation>
    </message>
    <message>
        <source>Seed 003: a 2-2-1 sigmoid network learns XOR</source>
        <translation>参考文章 003：2-2-1 sigmoid 网络学习 XOR</translation>
    </message>
    <message>
        <source>Seed 004: one neuron per layer, the chain rule</source>
        <translation>参考文章 004：每层一个神经元与链式法则</translation>
    </message>
    <message>
        <source>Fitting a sine curve (regression)</source>
        <translation>拟合正弦曲线（回归）</translation>
    </message>
    <message>
        <source>Softmax + cross-entropy: δ = a − y</source>
        <translation>Softmax + 交叉熵：δ = a − y</translation>
    </message>
    <message>
        <source>Three spirals: ReLU layers and a softmax output</source>
        <translation>三条螺旋：ReLU 隐藏层与 softmax 输出</translation>
    </message>
    <message>
        <source>XOR with a tanh hidden layer (mini-batches of 4)</source>
        <translation>带 tanh 隐藏层的 XOR（每个小批量 4 个样本）</translation>
    </message>
    <message>
        <source>Vanishing gradients: six sigmoid layers on the moons</source>
        <translation>梯度消失：双月数据上的六个 sigmoid 层</translation>
    </message>
</context>
<context>
    <name>ExerciseActions</name>
    <message>
        <source>Open exerc&amp;ise…</source>
        <translation>打开练习(&amp;I)…</translation>
    </message>
    <message>
        <source>Open the exercise variant a code on an exercise sheet names, to check your answers stage by stage</source>
        <translation>打开练习卷上某个代码对应的练习变体，逐个阶段核对你的答案</translation>
    </message>
    <message>
        <source>Exercise sheets with answer keys…</source>
        <translation>练习卷与答案…</translation>
    </message>
    <message>
        <source>Exercises with nice numbers on a small network like this one, for students, and a key with every answer and its worked steps, for you (Markdown, HTML, LaTeX)</source>
        <translation>用与本网络相似的小网络生成数字整洁的练习（给学生），以及附带每个答案与推导步骤的答案卷（给你）（Markdown、HTML、LaTeX）</translation>
    </message>
    <message>
        <source>Writing {count} exercise(s)…</source>
        <translation>正在生成 {count} 道练习…</translation>
    </message>
    <message>
        <source>The exercise sheets could not be written: {reason}</source>
        <translation>无法写出练习卷：{reason}</translation>
    </message>
    <message>
        <source>{count} exercise(s) written to {folder}: exercises.* for students, answer-key.* for you</source>
        <translation>已将 {count} 道练习写入 {folder}：exercises.* 给学生，answer-key.* 给你</translation>
    </message>
</context>
<context>
    <name>ExerciseSheetDialog</name>
    <message>
        <source>Exercise sheets</source>
        <translation>练习卷</translation>
    </message>
    <message>
        <source>How many variants: one exercise each, with different numbers</source>
        <translation>变体数量：每个变体一道练习，数字各不相同</translation>
    </message>
    <message>
        <source>The same seed writes the same sheets; another seed, other numbers</source>
        <translation>相同的种子生成相同的练习卷；换一个种子，换一批数字</translation>
    </message>
    <message>
        <source>z, the pre-activations</source>
        <translation>z，预激活值</translation>
    </message>
    <message>
        <source>a, the activations</source>
        <translation>a，激活值</translation>
    </message>
    <message>
        <source>the loss L</source>
        <translation>损失 L</translation>
    </message>
    <message>
        <source>δ, the errors</source>
        <translation>δ，误差</translation>
    </message>
    <message>
        <source>∂L/∂W</source>
        <translation>∂L/∂W</translation>
    </message>
    <message>
        <source>∂L/∂b</source>
        <translation>∂L/∂b</translation>
    </message>
    <message>
        <source>W and b after the update</source>
        <translation>更新后的 W 和 b</translation>
    </message>
    <message>
        <source>Column (W a, samples as columns)</source>
        <translation>列约定（W a，样本为列）</translation>
    </message>
    <message>
        <source>Row (A W, samples as rows)</source>
        <translation>行约定（A W，样本为行）</translation>
    </message>
    <message>
        <source>exercises.* (for students) and answer-key.* (for you) are written here</source>
        <translation>exercises.*（给学生）和 answer-key.*（给你）写在这里</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Variants:</source>
        <translation>变体数(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>种子(&amp;S)：</translation>
    </message>
    <message>
        <source>Students compute:</source>
        <translation>学生计算：</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Notation:</source>
        <translation>记号(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>The variants use the project's network, {sizes}.</source>
        <translation>各变体使用项目本身的网络 {sizes}。</translation>
    </message>
    <message>
        <source>The project's network, {own}, is too big to compute by hand: the variants use {sizes} with its activations and loss.</source>
        <translation>项目的网络 {own} 太大，无法手算：各变体使用带有其激活函数和损失的 {sizes} 网络。</translation>
    </message>
    <message>
        <source>The first variant's code: {code}</source>
        <translation>第一个变体的代码：{code}</translation>
    </message>
    <message>
        <source>Choose at least one thing to compute.</source>
        <translation>请至少选择一项要计算的内容。</translation>
    </message>
    <message>
        <source>Folder for the exercise sheets</source>
        <translation>练习卷的文件夹</translation>
    </message>
</context>
<context>
    <name>Exercises</name>
    <message>
        <source>{letter!r} is not a part; use letters of {parts} (z, a, loss, δ, ∂L/∂W, ∂L/∂b, update)</source>
        <translation>{letter!r} 不是一个部分；请使用 {parts} 中的字母（z、a、损失、δ、∂L/∂W、∂L/∂b、更新）</translation>
    </message>
    <message>
        <source>choose at least one part to compute</source>
        <translation>请至少选择一个要计算的部分</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to {most}, got {value}</source>
        <translation>必须是 0 到 {most} 之间的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>must be from 1 to {most}, got {value}</source>
        <translation>必须在 1 到 {most} 之间，实际为 {value}</translation>
    </message>
    <message>
        <source>{activation} cannot be written in a code</source>
        <translation>{activation} 无法写入代码</translation>
    </message>
    <message>
        <source>no exercise code given; a code looks like {example}</source>
        <translation>没有给出练习代码；代码形如 {example}</translation>
    </message>
    <message>
        <source>{code!r} is not an exercise code: a code starts with BP and looks like {example}</source>
        <translation>{code!r} 不是练习代码：代码以 BP 开头，形如 {example}</translation>
    </message>
    <message>
        <source>this code is of exercise format {version}; this BP Studio reads format {ours}</source>
        <translation>此代码属于练习格式 {version}；本版 BP Studio 读取格式 {ours}</translation>
    </message>
    <message>
        <source>the code has {count} parts separated by “-”, but an exercise code has 7, as in {example}</source>
        <translation>此代码由“-”分成 {count} 段，但练习代码应有 7 段，如 {example}</translation>
    </message>
    <message>
        <source>the code's check letter does not match: a character was mistyped or left out</source>
        <translation>代码的校验字母不匹配：有字符输错或漏掉了</translation>
    </message>
    <message>
        <source>the seed and the variant number must be whole numbers</source>
        <translation>种子和变体编号必须是整数</translation>
    </message>
    <message>
        <source>the network {shape!r} is not understood: the inputs, then per layer its activation's letter and its units, as 2S2S1</source>
        <translation>无法理解网络 {shape!r}：应先写输入数，再按层写激活函数的字母和单元数，如 2S2S1</translation>
    </message>
    <message>
        <source>{letter!r} is not an activation's letter; use one of {letters}</source>
        <translation>{letter!r} 不是激活函数的字母；请使用 {letters} 之一</translation>
    </message>
    <message>
        <source>{letter!r} is not a loss's letter; use one of {letters}</source>
        <translation>{letter!r} 不是损失函数的字母；请使用 {letters} 之一</translation>
    </message>
    <message>
        <source>Exercise {code}</source>
        <translation>练习 {code}</translation>
    </message>
    <message>
        <source>Exercise variant {index} of the sheet with seed {seed}: one training step on one sample. Step through it to check your answers.</source>
        <translation>种子为 {seed} 的练习卷中的第 {index} 个变体：在一个样本上的一步训练。逐步执行以核对你的答案。</translation>
    </message>
    <message>
        <source>the network {sizes} is too big for an exercise computed by hand</source>
        <translation>网络 {sizes} 太大，不适合手算练习</translation>
    </message>
    <message>
        <source>the pre-activations</source>
        <translation>预激活值</translation>
    </message>
    <message>
        <source>the activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>the errors (backward pass)</source>
        <translation>误差（反向传播）</translation>
    </message>
    <message>
        <source>the weight gradients</source>
        <translation>权重梯度</translation>
    </message>
    <message>
        <source>the bias gradients</source>
        <translation>偏置梯度</translation>
    </message>
    <message>
        <source>the updated weights and biases</source>
        <translation>更新后的权重和偏置</translation>
    </message>
    <message>
        <source>choose formats among {formats}</source>
        <translation>请从 {formats} 中选择格式</translation>
    </message>
    <message>
        <source>Exercise {k} · code {code}</source>
        <translation>练习 {k} · 代码 {code}</translation>
    </message>
    <message>
        <source>Loss: {loss}, {formula}. Learning rate η = {eta}; one sample (m = 1); plain gradient descent. {convention}</source>
        <translation>损失：{loss}，{formula}。学习率 η = {eta}；一个样本（m = 1）；普通梯度下降。{convention}</translation>
    </message>
    <message>
        <source>Compute {what}: {names}.   ({how})</source>
        <translation>计算{what}：{names}。   （{how}）</translation>
    </message>
    <message>
        <source>Exercises: one training step by hand</source>
        <translation>练习：手算一步训练</translation>
    </message>
    <message>
        <source>{count} exercises (seed {seed}). Each is one training step of a small network on one sample. Write every answer with {digits} decimals, carrying the rounded answers of the steps before: the numbers are chosen so that this gives the same digits as exact arithmetic (where, rarely, it does not, the key gives both). To check your work step by step, open the exercise's code in BP Studio (File ▸ Open exercise…, or bpstudio exercise CODE).</source>
        <translation>共 {count} 道练习（种子 {seed}）。每道题是一个小网络在一个样本上的一步训练。每个答案保留 {digits} 位小数，并沿用前面步骤四舍五入后的答案：题中数字经过挑选，这样算出的各位数字与精确计算相同（少数不同之处，答案中两种结果都给出）。要逐步核对，请在 BP Studio 中打开该练习的代码（文件 ▸ 打开练习…，或 bpstudio exercise 代码）。</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Check: bpstudio exercise {code}</source>
        <translation>核对：bpstudio exercise {code}</translation>
    </message>
    <message>
        <source>Answer key: one training step by hand</source>
        <translation>答案卷：手算一步训练</translation>
    </message>
    <message>
        <source>The answers to the {count} exercises of seed {seed}, computed by BP Studio's engine, with {digits} decimals, and the worked steps behind them.</source>
        <translation>种子 {seed} 的 {count} 道练习的答案，由 BP Studio 的引擎计算，保留 {digits} 位小数，并附推导步骤。</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>{name}, carrying the rounded answers before it</source>
        <translation>{name}（沿用前面四舍五入后的答案）</translation>
    </message>
    <message>
        <source>Worked steps</source>
        <translation>推导步骤</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>{name} is not computed yet in this iteration: it is computed at stage {stage}.</source>
        <translation>本次迭代尚未计算 {name}：它在 {stage} 阶段计算。</translation>
    </message>
    <message>
        <source>… ({n} terms)</source>
        <translation>…（共 {n} 项）</translation>
    </message>
    <message>
        <source>sample {s} of {m}</source>
        <translation>样本 {s}（共 {m} 个）</translation>
    </message>
    <message>
        <source>the one sample</source>
        <translation>唯一的样本</translation>
    </message>
    <message>
        <source>row {r} = from {source}, column {c} = unit {c} of layer {l}</source>
        <translation>第 {r} 行 = 来自{source}，第 {c} 列 = 第 {l} 层的单元 {c}</translation>
    </message>
    <message>
        <source>column {c} = unit {c} of layer {l}</source>
        <translation>第 {c} 列 = 第 {l} 层的单元 {c}</translation>
    </message>
    <message>
        <source>row {r} = {sample}, column {c} = unit {c} of layer {l}</source>
        <translation>第 {r} 行 = {sample}，第 {c} 列 = 第 {l} 层的单元 {c}</translation>
    </message>
    <message>
        <source>{name} (row convention, {rows} × {cols}; {what}):</source>
        <translation>{name}（行约定，{rows} × {cols}；{what}）：</translation>
    </message>
    <message>
        <source>input {k} (x{sk})</source>
        <translation>输入 {k}（x{sk}）</translation>
    </message>
    <message>
        <source>unit {k} of layer {l}</source>
        <translation>第 {l} 层的单元 {k}</translation>
    </message>
    <message>
        <source>(computed before this iteration's update, with W{l} and b{l} as they were then: W + η ∂L/∂W, η = {eta})</source>
        <translation>（在本次迭代更新之前计算，所用的 W{l} 和 b{l} 为当时的值：W + η ∂L/∂W，η = {eta}）</translation>
    </message>
    <message>
        <source>{head} = 1 (linear) = {d}</source>
        <translation>{head} = 1（线性）= {d}</translation>
    </message>
    <message>
        <source>{head} = {d}, because {why} (z = {z})</source>
        <translation>{head} = {d}，因为 {why}（z = {z}）</translation>
    </message>
    <message>
        <source>{head} = {d}, because {why} (z = {z}; slope {slope} below 0)</source>
        <translation>{head} = {d}，因为 {why}（z = {z}；z &lt; 0 时斜率为 {slope}）</translation>
    </message>
    <message>
        <source>{name} = Σₖ {w} {a}ₖ + {b}   ({sample}; forward: {equation})</source>
        <translation>{name} = Σₖ {w} {a}ₖ + {b}   （{sample}；前向传播：{equation}）</translation>
    </message>
    <message>
        <source>(the weights it was computed with have been changed since, so its terms are not shown)</source>
        <translation>（计算它时所用的权重此后已被修改，因此不显示各项）</translation>
    </message>
    <message>
        <source>{values} + … ({n} terms) + {bias}</source>
        <translation>{values} + …（共 {n} 项）+ {bias}</translation>
    </message>
    <message>
        <source>{total} + {bias}   (the sum of all {n} products is {total})</source>
        <translation>{total} + {bias}   （全部 {n} 个乘积之和为 {total}）</translation>
    </message>
    <message>
        <source>{name} = {f}({z})   ({sample}; {formula})</source>
        <translation>{name} = {f}({z})   （{sample}；{formula}）</translation>
    </message>
    <message>
        <source>{name} = e^({z}) / Σᵢ e^(z{l}ᵢ)   ({sample}; softmax over the {n} units of layer {layer})</source>
        <translation>{name} = e^({z}) / Σᵢ e^(z{l}ᵢ)   （{sample}；对第 {layer} 层的 {n} 个单元做 softmax）</translation>
    </message>
    <message>
        <source>(written as e^(zᵢ − M) with M = max z = {m}, the same ratio without overflow)</source>
        <translation>（写作 e^(zᵢ − M)，其中 M = max z = {m}，比值相同且不会溢出）</translation>
    </message>
    <message>
        <source>{name} = ∂L/∂{z} = {a} − {y}   ({sample}; BP1 for {f} + {loss})</source>
        <translation>{name} = ∂L/∂{z} = {a} − {y}   （{sample}；{f} + {loss} 时的 BP1）</translation>
    </message>
    <message>
        <source>why: softmax's Jacobian ∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ) is not diagonal, so BP1's ⊙ does not apply as written;</source>
        <translation>原因：softmax 的雅可比矩阵 ∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ) 不是对角矩阵，因此 BP1 中的 ⊙ 不能照原式使用；</translation>
    </message>
    <message>
        <source>with ∂L/∂aₖ = −yₖ/aₖ the product collapses: ∂L/∂zᵢ = Σₖ (−yₖ/aₖ)·aₖ(1[k=i] − aᵢ) = aᵢ Σₖ yₖ − yᵢ = aᵢ − yᵢ, as the yₖ sum to 1</source>
        <translation>代入 ∂L/∂aₖ = −yₖ/aₖ 后乘积化简为：∂L/∂zᵢ = Σₖ (−yₖ/aₖ)·aₖ(1[k=i] − aᵢ) = aᵢ Σₖ yₖ − yᵢ = aᵢ − yᵢ，因为各 yₖ 之和为 1</translation>
    </message>
    <message>
        <source>why: ∂L/∂a = −y/a + (1 − y)/(1 − a) and σ′(z) = a(1 − a); their product is −y(1 − a) + (1 − y)a = a − y</source>
        <translation>原因：∂L/∂a = −y/a + (1 − y)/(1 − a)，σ′(z) = a(1 − a)；二者之积为 −y(1 − a) + (1 − y)a = a − y</translation>
    </message>
    <message>
        <source>{name} = ∂L/∂{a} · {f}′({z})   ({sample}; BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ), the output layer is L = {L})</source>
        <translation>{name} = ∂L/∂{a} · {f}′({z})   （{sample}；BP1：δᴸ = ∇ₐL ⊙ f′(zᴸ)，输出层为 L = {L}）</translation>
    </message>
    <message>
        <source>{d} = {expr} = {numbers} = {value}   (∇ₐL for {loss})</source>
        <translation>{d} = {expr} = {numbers} = {value}   （{loss} 的 ∇ₐL）</translation>
    </message>
    <message>
        <source>{name} = {a} (g{j} − Σₖ a{l}ₖ gₖ) with g = ∇ₐL   ({sample}; BP1 for softmax: δᴸ = a ⊙ (g − Σₖ aₖ gₖ))</source>
        <translation>{name} = {a} (g{j} − Σₖ a{l}ₖ gₖ)，其中 g = ∇ₐL   （{sample}；softmax 的 BP1：δᴸ = a ⊙ (g − Σₖ aₖ gₖ)）</translation>
    </message>
    <message>
        <source>why: softmax's Jacobian ∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ) is not diagonal, so ∇ₐL ⊙ f′(z) is replaced by the Jacobian-vector product</source>
        <translation>原因：softmax 的雅可比矩阵 ∂aᵢ/∂zₖ = aᵢ(1[i=k] − aₖ) 不是对角矩阵，因此用雅可比矩阵与向量的乘积代替 ∇ₐL ⊙ f′(z)</translation>
    </message>
    <message>
        <source>{name} = ({sum}) · {f}′({z})   ({sample}; BP2: {equation})</source>
        <translation>{name} = ({sum}) · {f}′({z})   （{sample}；BP2：{equation}）</translation>
    </message>
    <message>
        <source>(W{up} has been changed since δ{l} was computed, so the terms are not shown)</source>
        <translation>（计算 δ{l} 之后 W{up} 已被修改，因此不显示各项）</translation>
    </message>
    <message>
        <source>the 1 unit</source>
        <translation>唯一的 1 个单元</translation>
    </message>
    <message>
        <source>all {n} units</source>
        <translation>全部 {n} 个单元</translation>
    </message>
    <message>
        <source>entry ({s}, {j}) of δ{up} (W{up})ᵀ</source>
        <translation>δ{up} (W{up})ᵀ 的元素 ({s}, {j})</translation>
    </message>
    <message>
        <source>entry {j} of (W{up})ᵀ δ{up}</source>
        <translation>(W{up})ᵀ δ{up} 的第 {j} 个元素</translation>
    </message>
    <message>
        <source>{sum} = {symbols}   ({entry}; unit {j} of layer {l} feeds {units} of layer {l1})</source>
        <translation>{sum} = {symbols}   （{entry}；第 {l} 层的单元 {j} 馈入第 {l1} 层的{units}）</translation>
    </message>
    <message>
        <source>{w} is the weight from {source} to unit {j} of layer {l}</source>
        <translation>{w} 是从{source} 指向第 {l} 层单元 {j} 的权重</translation>
    </message>
    <message>
        <source>{head} = {a}·{d}   (BP4 with one sample: {equation})</source>
        <translation>{head} = {a}·{d}   （单个样本时的 BP4：{equation}）</translation>
    </message>
    <message>
        <source>{head} = (1/m) Σₛ {a}·{d}   (BP4: {equation}, the mean over the m = {m} samples)</source>
        <translation>{head} = (1/m) Σₛ {a}·{d}   （BP4：{equation}，对 m = {m} 个样本取平均值）</translation>
    </message>
    <message>
        <source>(1/{m})({a}·{d} for sample 1 + … + {a}·{d} for sample {m})</source>
        <translation>(1/{m})(样本 1 的 {a}·{d} + … + 样本 {m} 的 {a}·{d})</translation>
    </message>
    <message>
        <source>{name} = {d}   (BP3 with one sample)</source>
        <translation>{name} = {d}   （单个样本时的 BP3）</translation>
    </message>
    <message>
        <source>BP3: ∂L/∂b{l} = the mean of δ{l} over its m = {m} rows</source>
        <translation>BP3：∂L/∂b{l} = δ{l} 在其 m = {m} 行上的平均值</translation>
    </message>
    <message>
        <source>BP3: ∂L/∂b{l} = the mean of δ{l} over the m = {m} samples</source>
        <translation>BP3：∂L/∂b{l} = δ{l} 在 m = {m} 个样本上的平均值</translation>
    </message>
    <message>
        <source>row {k}, column {j} of W{l}, shape (n{p}, n{l}) = {rows} × {cols}</source>
        <translation>W{l} 的第 {k} 行、第 {j} 列，形状 (n{p}, n{l}) = {rows} × {cols}</translation>
    </message>
    <message>
        <source>row {j}, column {k} of W{l}, shape (n{l}, n{p}) = {rows} × {cols}</source>
        <translation>W{l} 的第 {j} 行、第 {k} 列，形状 (n{l}, n{p}) = {rows} × {cols}</translation>
    </message>
    <message>
        <source>{name}: the weight from {source} to unit {j} of layer {l}</source>
        <translation>{name}：从{source} 指向第 {l} 层单元 {j} 的权重</translation>
    </message>
    <message>
        <source>{place}; it multiplies {a} in {sum}</source>
        <translation>{place}；它在 {sum} 中与 {a} 相乘</translation>
    </message>
    <message>
        <source>column {j} of b{l}, shape (1, n{l}) = 1 × {n}</source>
        <translation>b{l} 的第 {j} 列，形状 (1, n{l}) = 1 × {n}</translation>
    </message>
    <message>
        <source>row {j} of b{l}, shape (n{l}, 1) = {n} × 1</source>
        <translation>b{l} 的第 {j} 行，形状 (n{l}, 1) = {n} × 1</translation>
    </message>
    <message>
        <source>{name}: the bias of unit {j} of layer {l}, added to {z} for every sample</source>
        <translation>{name}：第 {l} 层单元 {j} 的偏置，对每个样本都加到 {z} 上</translation>
    </message>
    <message>
        <source>(a weight or bias was set by hand after this iteration's update)</source>
        <translation>（本次迭代更新之后，有权重或偏置被手动修改过）</translation>
    </message>
    <message>
        <source>just updated: {p} ← {p} − η ∂L/∂{p} with η = {eta}, ∂L/∂{name} = {g}</source>
        <translation>刚刚更新：{p} ← {p} − η ∂L/∂{p}，其中 η = {eta}，∂L/∂{name} = {g}</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Snapshot of this stage (.npz)…</source>
        <translation>当前阶段的快照（.npz）…</translation>
    </message>
    <message>
        <source>Every array of the stage on screen, in the snapshot format (docs/formats.md), to inspect later</source>
        <translation>以快照格式（docs/formats.md）保存屏幕上当前阶段的所有数组，以便日后查看</translation>
    </message>
    <message>
        <source>Worked example ({format})…</source>
        <translation>计算实例（{format}）…</translation>
    </message>
    <message>
        <source>This iteration written out as in a textbook: the network, the data, every stage with its equation and the numbers</source>
        <translation>像教科书一样写出本次迭代：网络、数据、每个阶段的公式及其数值</translation>
    </message>
    <message>
        <source>PyTorch training program…</source>
        <translation>PyTorch 训练程序…</translation>
    </message>
    <message>
        <source>A standalone PyTorch program that trains on from these weights with the same batches, momentum and L2, in double precision, and prints BP Studio's loss curve and final weights</source>
        <translation>一个独立的 PyTorch 程序：从这些权重出发，以相同的批次、动量和 L2 用双精度继续训练，并输出与 BP Studio 相同的损失曲线和最终权重</translation>
    </message>
    <message>
        <source>PyTorch gradient check (this batch)…</source>
        <translation>PyTorch 梯度核对（本批次）…</translation>
    </message>
    <message>
        <source>A standalone script that builds this network with these weights and this batch in PyTorch and prints the loss and gradients, to compare with BP Studio's</source>
        <translation>一个独立脚本：在 PyTorch 中用这些权重和这一批次构建此网络，并打印损失和梯度，以便与 BP Studio 的结果对比</translation>
    </message>
    <message>
        <source>NumPy script…</source>
        <translation>NumPy 脚本…</translation>
    </message>
    <message>
        <source>A standalone script, needing only NumPy, that trains on from these weights with the same batches and prints BP Studio's loss curve, bit for bit</source>
        <translation>只需 NumPy 的独立脚本：从这些权重出发、用同样的批次继续训练，逐位打印出 BP Studio 的损失曲线</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Save snapshot</source>
        <translation>保存快照</translation>
    </message>
    <message>
        <source>Snapshots (*.npz)</source>
        <translation>快照 (*.npz)</translation>
    </message>
    <message>
        <source>Save worked example</source>
        <translation>保存计算实例</translation>
    </message>
    <message>
        <source>Save PyTorch script</source>
        <translation>保存 PyTorch 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Save NumPy script</source>
        <translation>保存 NumPy 脚本</translation>
    </message>
    <message>
        <source>Could not save {path}: {error}</source>
        <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
        <source>Snapshot saved to {path}</source>
        <translation>快照已保存到 {path}</translation>
    </message>
    <message>
        <source>Worked example saved to {path}</source>
        <translation>计算实例已保存到 {path}</translation>
    </message>
    <message>
        <source>NumPy script saved to {path} — run it with: python {path}</source>
        <translation>NumPy 脚本已保存到 {path}，运行方式：python {path}</translation>
    </message>
    <message>
        <source>PyTorch training program saved to {path} — run it with: python {path}</source>
        <translation>PyTorch 训练程序已保存到 {path}，运行方式：python {path}</translation>
    </message>
    <message>
        <source>PyTorch script saved to {path} — run it with: python {path}</source>
        <translation>PyTorch 脚本已保存到 {path}，运行方式：python {path}</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not save the file:
{reason}</source>
        <translation>无法保存文件：
{reason}</translation>
    </message>
    <message>
        <source>Copy as TSV (for a spreadsheet)</source>
        <translation>复制为 TSV（用于电子表格）</translation>
    </message>
    <message>
        <source>Tab-separated numbers in full precision: paste into a spreadsheet</source>
        <translation>以完整精度复制制表符分隔的数字：可粘贴到电子表格中</translation>
    </message>
    <message>
        <source>Copy as NumPy literal</source>
        <translation>复制为 NumPy 字面量</translation>
    </message>
    <message>
        <source>np.array([...]) in full precision: paste into Python</source>
        <translation>以完整精度复制 np.array([...])：可粘贴到 Python 中</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>另存为 CSV…</translation>
    </message>
    <message>
        <source>Save matrix as CSV</source>
        <translation>将矩阵保存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save picture as PNG…</source>
        <translation>将图片保存为 PNG…</translation>
    </message>
    <message>
        <source>A sharp image of any width, for projectors and print</source>
        <translation>任意宽度的清晰图像，适用于投影和打印</translation>
    </message>
    <message>
        <source>Save picture as SVG…</source>
        <translation>将图片保存为 SVG…</translation>
    </message>
    <message>
        <source>A drawing that stays sharp at any size, for documents</source>
        <translation>在任何尺寸下都保持清晰的矢量图，适用于文档</translation>
    </message>
    <message>
        <source>Save picture as PNG</source>
        <translation>将图片保存为 PNG</translation>
    </message>
    <message>
        <source>Width in pixels (the height follows the picture's shape):</source>
        <translation>宽度（像素，高度随图片比例确定）：</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Save picture as SVG</source>
        <translation>将图片保存为 SVG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>FileCheck</name>
    <message>
        <source>it is a picture (an image file).</source>
        <translation>它是一张图片（图像文件）。</translation>
    </message>
    <message>
        <source>it is a PDF document.</source>
        <translation>它是一个 PDF 文档。</translation>
    </message>
    <message>
        <source>it is a compressed archive. A snapshot (.npz) opens with File ▸ Open snapshot.</source>
        <translation>它是一个压缩包。快照（.npz）请用 文件 ▸ 打开快照 打开。</translation>
    </message>
    <message>
        <source>it is a NumPy array file (.npy).</source>
        <translation>它是一个 NumPy 数组文件（.npy）。</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>it is not a text file (it holds binary data, like a picture or a program).</source>
        <translation>它不是文本文件（里面是二进制数据，比如图片或程序）。</translation>
    </message>
    <message>
        <source>it looks like a table of numbers (CSV). To train on it, use Choose CSV file… on the Data tab.</source>
        <translation>它看起来是一张数字表格（CSV）。要用它训练，请在“数据”选项卡中点“选择 CSV 文件…”。</translation>
    </message>
    <message>
        <source>it is a text file, but not in the JSON form projects are saved in.</source>
        <translation>它是文本文件，但不是项目保存时使用的 JSON 格式。</translation>
    </message>
    <message>
        <source>it holds JSON, but not a BP Studio project (projects are saved with File ▸ Save and start with "format": "bpstudio-project").</source>
        <translation>它包含 JSON，但不是 BP Studio 项目（项目由 文件 ▸ 保存 写出，开头是 "format": "bpstudio-project"）。</translation>
    </message>
    <message>
        <source>{name} is not a BP Studio project: {why}</source>
        <translation>{name} 不是 BP Studio 项目：{why}</translation>
    </message>
    <message>
        <source>{name} cannot be opened: there is no such file (moved or deleted?).</source>
        <translation>无法打开 {name}：文件不存在（被移动或删除了？）。</translation>
    </message>
    <message>
        <source>{name} is a folder, not a project file.</source>
        <translation>{name} 是一个文件夹，不是项目文件。</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is a BP Studio project, but it cannot be opened: {error}</source>
        <translation>{name} 是 BP Studio 项目，但无法打开：{error}</translation>
    </message>
    <message>
        <source> It looks like a project: open it with File ▸ Open project.</source>
        <translation> 它看起来是一个项目：请用 文件 ▸ 打开项目 打开。</translation>
    </message>
    <message>
        <source>{name} is not a BP Studio snapshot: snapshots are .npz files saved with File ▸ Export.{hint}</source>
        <translation>{name} 不是 BP Studio 快照：快照是用 文件 ▸ 导出 保存的 .npz 文件。{hint}</translation>
    </message>
    <message>
        <source>{name} cannot be opened as a snapshot: {error}</source>
        <translation>无法作为快照打开 {name}：{error}</translation>
    </message>
</context>
<context>
    <name>GradCheckView</name>
    <message>
        <source>Check gradients</source>
        <translation>检查梯度</translation>
    </message>
    <message>
        <source>Compare backprop's ∂L/∂W and ∂L/∂b for the current weights and batch with finite differences: each weight and bias θ in turn is moved by ±h and ±2h and the loss computed again,
∂L/∂θ ≈ (−L(θ+2h) + 8L(θ+h) − 8L(θ−h) + L(θ−2h)) / 12h  (the fourth-order central difference, h = {h:g}).
An entry passes when the relative error |backprop − numeric| / max(|backprop|, |numeric|) is &lt; {tol}; gradients too small to compare relatively are compared absolutely.</source>
        <translation>将反向传播算出的 ∂L/∂W 和 ∂L/∂b 与当前权重和批次下的有限差分结果进行比较：依次将每个权重和偏置 θ 移动 ±h 和 ±2h，并重新计算损失，
∂L/∂θ ≈ (−L(θ+2h) + 8L(θ+h) − 8L(θ−h) + L(θ−2h)) / 12h（四阶中心差分，h = {h:g}）。
当相对误差 |反向传播值 − 数值梯度| / max(|反向传播值|, |数值梯度|) &lt; {tol} 时，该元素通过；过小而无法按相对误差比较的梯度改为按绝对误差比较。</translation>
    </message>
    <message>
        <source>Not checked yet: press Check gradients to compare backprop with finite differences for the current weights and batch.</source>
        <translation>尚未检查：按“检查梯度”，将当前权重和批次下的反向传播结果与有限差分进行比较。</translation>
    </message>
    <message>
        <source>How many of the checked entries agree, and the largest relative error among them</source>
        <translation>所检查的元素中有多少个一致，以及其中最大的相对误差</translation>
    </message>
    <message>
        <source>The weights and the batch the check used</source>
        <translation>本次检查所用的权重和批次</translation>
    </message>
    <message>
        <source>Whether the check is about the weights shown now, or how many updates ago it was made</source>
        <translation>这次检查针对的是否就是现在显示的权重，或者是多少次更新之前做的</translation>
    </message>
    <message>
        <source>|backprop − numeric| / max(|backprop|, |numeric|, floor); the floor keeps near-zero gradients from being compared relatively</source>
        <translation>|反向传播值 − 数值梯度| / max(|反向传播值|, |数值梯度|, 下限)；有了下限，接近零的梯度不按相对误差比较</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>The weight matrix Wˡ or bias vector bˡ of layer l</source>
        <translation>第 l 层的权重矩阵 Wˡ 或偏置向量 bˡ</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>元素数</translation>
    </message>
    <message>
        <source>How many entries of the array were checked</source>
        <translation>该数组中检查了多少个元素</translation>
    </message>
    <message>
        <source>Largest error</source>
        <translation>最大误差</translation>
    </message>
    <message>
        <source>The largest relative error in the array: </source>
        <translation>该数组中最大的相对误差：</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>pass when every entry's relative error is &lt; {tol}</source>
        <translation>所有元素的相对误差都 &lt; {tol} 时通过</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>One row per parameter array: green when backprop and the finite differences agree, red when not</source>
        <translation>每个参数数组占一行：反向传播与有限差分一致时为绿色，否则为红色</translation>
    </message>
    <message>
        <source>Array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>The weight matrix Wˡ or bias vector bˡ the entry belongs to</source>
        <translation>该元素所属的权重矩阵 Wˡ 或偏置向量 bˡ</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>(row, column), counted from 1 as in the matrix panels</source>
        <translation>（行，列），与矩阵面板一样从 1 开始计数</translation>
    </message>
    <message>
        <source>Backprop</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>∂L/∂θ as backpropagation computed it (BP3, BP4)</source>
        <translation>反向传播计算出的 ∂L/∂θ（BP3、BP4）</translation>
    </message>
    <message>
        <source>Numeric</source>
        <translation>数值梯度</translation>
    </message>
    <message>
        <source>∂L/∂θ from the fourth-order central difference</source>
        <translation>由四阶中心差分得到的 ∂L/∂θ</translation>
    </message>
    <message>
        <source>Rel. error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>The entries with the largest relative errors, largest first</source>
        <translation>相对误差最大的元素，按从大到小排列</translation>
    </message>
    <message>
        <source>Per parameter</source>
        <translation>按参数</translation>
    </message>
    <message>
        <source>Largest relative errors</source>
        <translation>最大相对误差</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>There are no weights or biases to check.</source>
        <translation>没有可检查的权重或偏置。</translation>
    </message>
    <message>
        <source>The 1 gradient agrees (relative error {err})</source>
        <translation>唯一的梯度一致（相对误差 {err}）</translation>
    </message>
    <message>
        <source>All {n} gradients agree (largest relative error {err})</source>
        <translation>全部 {n} 个梯度一致（最大相对误差 {err}）</translation>
    </message>
    <message>
        <source>{bad} of {n} disagree (largest relative error {err}, tolerance {tol})</source>
        <translation>{n} 个中有 {bad} 个不一致（最大相对误差 {err}，容差 {tol}）</translation>
    </message>
    <message>
        <source>; failing: {names}</source>
        <translation>；未通过：{names}</translation>
    </message>
    <message>
        <source>; {k} more not checkable: their finite-difference steps cross a ReLU kink (some z changes sign), where the loss has no derivative</source>
        <translation>；另有 {k} 个无法检查：其有限差分步长跨越了 ReLU 的折点（某些 z 改变了符号），损失在该处不可导</translation>
    </message>
    <message>
        <source>loss {loss:.6g}</source>
        <translation>损失 {loss:.6g}</translation>
    </message>
    <message>
        <source>Checked at {what}</source>
        <translation>检查于：{what}</translation>
    </message>
    <message>
        <source>✓ These are the weights shown now.</source>
        <translation>✓ 检查的正是现在显示的权重。</translation>
    </message>
    <message>
        <source>⚠ Checked 1 update ago: the weights have changed since. Check again (Ctrl+G) for the weights shown now.</source>
        <translation>⚠ 这是 1 次更新之前的检查：此后权重已经改变。按 Ctrl+G 针对现在显示的权重重新检查。</translation>
    </message>
    <message>
        <source>⚠ Checked {n} updates ago: the weights have changed since. Check again (Ctrl+G) for the weights shown now.</source>
        <translation>⚠ 这是 {n} 次更新之前的检查：此后权重已经改变。按 Ctrl+G 针对现在显示的权重重新检查。</translation>
    </message>
    <message>
        <source>⚠ Checked at other weights than those shown now (edited, stepped back or reset since). Check again (Ctrl+G) for the weights shown now.</source>
        <translation>⚠ 检查时的权重与现在显示的不同（此后做过编辑、后退或重置）。按 Ctrl+G 针对现在显示的权重重新检查。</translation>
    </message>
    <message>
        <source>{symbol}: backprop {bp!r}, numeric {num!r}, relative error {err:.3e}</source>
        <translation>{symbol}：反向传播 {bp!r}，数值梯度 {num!r}，相对误差 {err:.3e}</translation>
    </message>
    <message>
        <source>iteration {i}</source>
        <translation>第 {i} 次迭代</translation>
    </message>
</context>
<context>
    <name>GradientFlow</name>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>layer {layer}: ‖δ{l}‖/‖δ{up}‖ = {ratio} = {weights} (weights) × {gate} (f′ gate)</source>
        <translation>第 {layer} 层：‖δ{l}‖/‖δ{up}‖ = {ratio} = {weights}（权重）× {gate}（f′ 门）</translation>
    </message>
    <message>
        <source>; {share} saturated</source>
        <translation>；{share} 饱和</translation>
    </message>
    <message>
        <source>; {share} dead</source>
        <translation>；{share} 死亡</translation>
    </message>
    <message>
        <source>A network of one layer passes δ through no other layer: there is nothing to measure.</source>
        <translation>只有一层的网络不会把 δ 传过其他层：没有可测量的内容。</translation>
    </message>
    <message>
        <source>Now, on this batch ({m} samples), from δ as the panels show them:</source>
        <translation>当前，在这个批量（{m} 个样本）上，按面板显示的 δ 计算：</translation>
    </message>
    <message>
        <source>layer {layer}: δ{l} comes at backward {layer}</source>
        <translation>第 {layer} 层：δ{l} 在反向 {layer} 阶段才计算</translation>
    </message>
    <message>
        <source>Step through a backward pass (or train) to see the numbers.</source>
        <translation>单步走过一次反向传播（或开始训练）即可看到数值。</translation>
    </message>
    <message>
        <source>After iteration {i}, on the training set (the curves' last point):</source>
        <translation>第 {i} 次迭代之后，在训练集上（曲线的最后一点）：</translation>
    </message>
</context>
<context>
    <name>GradientFlowPlot</name>
    <message>
        <source>‖δˡ‖/‖δˡ⁺¹‖ = weights × f′ gate</source>
        <translation>‖δˡ‖/‖δˡ⁺¹‖ = 权重 × f′ 门</translation>
    </message>
    <message>
        <source>Saturated and dead units</source>
        <translation>饱和与死亡的单元</translation>
    </message>
    <message>
        <source>How much of the error each layer passes down, split in two; or how many of its units let almost nothing through</source>
        <translation>每一层向下传递了多少误差，并拆成两部分；或者该层有多少单元几乎什么都不放行</translation>
    </message>
    <message>
        <source>Show every layer's curves, or one layer's</source>
        <translation>显示所有层的曲线，或只显示某一层的</translation>
    </message>
    <message>
        <source>factor per layer</source>
        <translation>每层的倍数</translation>
    </message>
    <message>
        <source>share of units</source>
        <translation>单元占比</translation>
    </message>
    <message>
        <source>Run or step an iteration to see how δ shrinks</source>
        <translation>运行或单步一次迭代，即可看到 δ 如何缩小</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <source>every layer</source>
        <translation>所有层</translation>
    </message>
    <message>
        <source>&lt;b&gt;━━ ratio&lt;/b&gt; = &lt;b&gt;– – weights&lt;/b&gt; × &lt;b&gt;┈┈ f′ gate&lt;/b&gt; · colours: layers</source>
        <translation>&lt;b&gt;━━ 比值&lt;/b&gt; = &lt;b&gt;– – 权重&lt;/b&gt; × &lt;b&gt;┈┈ f′ 门&lt;/b&gt; · 颜色：各层</translation>
    </message>
    <message>
        <source>&lt;b&gt;Solid — ‖δˡ‖/‖δˡ⁺¹‖&lt;/b&gt;: how much of layer l + 1's error reaches layer l. Under 1 it shrinks; many layers under 1 multiply to almost nothing: the gradient vanishes.</source>
        <translation>&lt;b&gt;实线 — ‖δˡ‖/‖δˡ⁺¹‖&lt;/b&gt;：第 l + 1 层的误差有多少到达第 l 层。小于 1 就会缩小；许多层都小于 1，相乘后几乎为零：梯度消失了。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dashed — weights, ‖{up}‖/‖δˡ⁺¹‖&lt;/b&gt;: what multiplying by the weights does to it.</source>
        <translation>&lt;b&gt;虚线 — 权重，‖{up}‖/‖δˡ⁺¹‖&lt;/b&gt;：乘以权重对它的影响。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dotted — f′ gate, ‖δˡ‖/‖{up}‖&lt;/b&gt;: what ⊙ f′(zˡ) lets through. σ′ is at most 0.25, so a sigmoid layer's gate is under 0.25 however good its weights.</source>
        <translation>&lt;b&gt;点线 — f′ 门，‖δˡ‖/‖{up}‖&lt;/b&gt;：⊙ f′(zˡ) 放行了多少。σ′ 最大为 0.25，所以无论权重多好，sigmoid 层的门都小于 0.25。</translation>
    </message>
    <message>
        <source>Solid = dashed × dotted; the colours are the layers, as in the lines above. ‖·‖ sums the squares over every unit and every sample (of the training set on the curves).</source>
        <translation>实线 = 虚线 × 点线；颜色代表各层，与上面各行一致。‖·‖ 对每个单元和每个样本（曲线上为整个训练集）的平方求和再开方。</translation>
    </message>
    <message>
        <source>&lt;b&gt;━━ saturated&lt;/b&gt; · &lt;b&gt;– – dead&lt;/b&gt; · colours: layers</source>
        <translation>&lt;b&gt;━━ 饱和&lt;/b&gt; · &lt;b&gt;– – 死亡&lt;/b&gt; · 颜色：各层</translation>
    </message>
    <message>
        <source>&lt;b&gt;Solid — saturated&lt;/b&gt;: share of a sigmoid or tanh layer's units (over every training sample) with f′(z) &amp;lt; 0.01: they pass on less than 1 % of their error.</source>
        <translation>&lt;b&gt;实线 — 饱和&lt;/b&gt;：sigmoid 或 tanh 层中 f′(z) &amp;lt; 0.01 的单元占比（对每个训练样本统计）：它们传回的误差不到 1 %。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dashed — dead&lt;/b&gt;: share of a ReLU layer's units with f′(z) = 0 on every training sample: they pass nothing back, and their weights no longer learn.</source>
        <translation>&lt;b&gt;虚线 — 死亡&lt;/b&gt;：ReLU 层中在每个训练样本上 f′(z) = 0 的单元占比：它们什么也传不回去，其权重也不再学习。</translation>
    </message>
</context>
<context>
    <name>GradientPlot</name>
    <message>
        <source>Mean |∂L/∂Wˡ| on the training set: curves that fall towards 0 for the lower layers show vanishing gradients; curves that grow show exploding ones.</source>
        <translation>训练集上的平均 |∂L/∂Wˡ|：较低层的曲线趋向 0 表明梯度消失；曲线不断增大则表明梯度爆炸。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Gradient size on a logarithmic axis: layers whose gradients differ a thousandfold still show side by side (zeros are left out)</source>
        <translation>在对数坐标轴上显示梯度大小：梯度相差上千倍的各层也能并列显示（零值不显示）</translation>
    </message>
    <message>
        <source>Plot against</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>Gradient size per layer, mean |∂L/∂Wˡ|</source>
        <translation>各层梯度大小，平均 |∂L/∂Wˡ|</translation>
    </message>
    <message>
        <source>mean |∂L/∂W|</source>
        <translation>平均 |∂L/∂W|</translation>
    </message>
    <message>
        <source>Run or step an iteration to see the gradients</source>
        <translation>运行或单步执行一次迭代以查看梯度</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <source>New here? Try the guided lessons (F1).</source>
        <translation>第一次用？试试引导课程（F1）。</translation>
    </message>
    <message>
        <source>The lessons walk you through backpropagation one step at a time, with questions to check what you predicted</source>
        <translation>课程一步一步带你学习反向传播，并用问题检验你的预测</translation>
    </message>
    <message>
        <source>Open lessons</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Show the Lesson panel (F1)</source>
        <translation>显示课程面板（F1）</translation>
    </message>
    <message>
        <source>Close this pointer; it will not come back</source>
        <translation>关闭这条提示；之后不会再出现</translation>
    </message>
    <message>
        <source>Step back ({keys}) is off: no earlier stage is kept — at the start, after a reset, or after opening a project or an edit that starts training over.</source>
        <translation>后退（{keys}）不可用：没有保存更早的阶段——刚开始时、重置之后，或打开项目、做了让训练重新开始的编辑之后都是如此。</translation>
    </message>
    <message>
        <source>Pause ({keys}) is off: no run is going; Run (F9) starts one.</source>
        <translation>暂停（{keys}）不可用：当前没有在运行；按运行（F9）开始。</translation>
    </message>
    <message>
        <source>Stop ({keys}) is off: no run is going or paused.</source>
        <translation>停止（{keys}）不可用：当前没有正在运行或已暂停的训练。</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>(window)</source>
        <translation>（窗口）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Alt with an underlined letter opens a menu or moves to a field. Hover any control for what it does.</source>
        <translation>按 Alt 加带下划线的字母可打开菜单或跳到对应字段。把鼠标停在任何控件上可查看它的作用。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Every key of the window in one table, read from the menus themselves</source>
        <translation>把窗口的所有按键列在一张表里，直接读取自菜单本身</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>Open the user guide (docs/guide/studio.md)</source>
        <translation>打开用户指南（docs/guide/studio.md）</translation>
    </message>
    <message>
        <source>The user guide is in docs/guide of BP Studio's source; this copy does not carry it</source>
        <translation>用户指南在 BP Studio 源代码的 docs/guide 目录中；这个安装副本没有附带它</translation>
    </message>
    <message>
        <source>About BP Studio</source>
        <translation>关于 BP Studio</translation>
    </message>
    <message>
        <source>The version, the licence and what BP Studio is for</source>
        <translation>版本、许可证以及 BP Studio 的用途</translation>
    </message>
    <message>
        <source>BP Studio {version}

A studio for learning backpropagation: step through forward, loss, backward and update one stage at a time, with every number one hover away.

Press F1 for the guided lessons; Help ▸ Keyboard shortcuts lists every key.

MIT licence.</source>
        <translation>BP Studio {version}

一个学习反向传播的工作室：一次一个阶段地逐步执行前向、损失、反向和更新，每个数字只需悬停即可查看其来历。

按 F1 打开引导课程；帮助 ▸ 键盘快捷键 列出所有按键。

MIT 许可证。</translation>
    </message>
</context>
<context>
    <name>InputsNote</name>
    <message>
        <source>Maps: each unit
along {x} →</source>
        <translation>图：每个单元
沿 {x} →</translation>
    </message>
    <message>
        <source>Maps: {across} →, {up} ↑ ▾
{n} other inputs at their mean</source>
        <translation>图：{across} →，{up} ↑ ▾
其余 {n} 个输入取均值</translation>
    </message>
    <message>
        <source>Each unit's map spans two inputs; the others are held at their mean over the data. Click to choose the two inputs.</source>
        <translation>每个单元的图横跨两个输入；其余输入固定为它们在数据上的均值。点击选择这两个输入。</translation>
    </message>
    <message>
        <source>Across (→)</source>
        <translation>横轴 (→)</translation>
    </message>
    <message>
        <source>Up (↑)</source>
        <translation>纵轴 (↑)</translation>
    </message>
</context>
<context>
    <name>KeptRuns</name>
    <message>
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>init scale</source>
        <translation>初始化尺度</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>shuffle</source>
        <translation>打乱</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>设置相同</translation>
    </message>
    <message>
        <source>{n}: {settings}</source>
        <translation>{n}：{settings}</translation>
    </message>
    <message>
        <source>must be a list of runs</source>
        <translation>必须是运行的列表</translation>
    </message>
    <message>
        <source>a project keeps at most {most} runs, got {count}</source>
        <translation>一个项目最多保留 {most} 次运行，这里有 {count} 次</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是一个对象</translation>
    </message>
    <message>
        <source>must be one of {choices}</source>
        <translation>必须是 {choices} 之一</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be {columns}</source>
        <translation>必须是 {columns}</translation>
    </message>
    <message>
        <source>must be a list of at most {most} rows</source>
        <translation>必须是最多 {most} 行的列表</translation>
    </message>
    <message>
        <source>must be rows of {count} numbers (null for none)</source>
        <translation>必须是每行 {count} 个数的行（无值用 null）</translation>
    </message>
    <message>
        <source>must hold numbers or null</source>
        <translation>只能包含数字或 null</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language of the whole app; it changes when BP Studio starts again</source>
        <translation>整个应用的语言；在 BP Studio 重新启动后生效</translation>
    </message>
    <message>
        <source>System default ({language})</source>
        <translation>系统默认（{language}）</translation>
    </message>
    <message>
        <source>Show BP Studio in {language} from its next start</source>
        <translation>从下次启动起以 {language} 显示 BP Studio</translation>
    </message>
    <message>
        <source>Change the language</source>
        <translation>更改语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start of BP Studio. Restart now? (Unsaved work is asked about first.)</source>
        <translation>新语言将在 BP Studio 下次启动时生效。现在重新启动吗？（会先询问如何处理未保存的工作。）</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>LayerList</name>
    <message>
        <source>&amp;Add hidden layer</source>
        <translation>添加隐藏层(&amp;A)</translation>
    </message>
    <message>
        <source>Add a hidden layer just before the output layer, with the size and activation of the last hidden layer. The layer sizes change, so explicit starting weights are dropped.</source>
        <translation>在输出层之前添加一个隐藏层，其大小和激活函数与最后一个隐藏层相同。由于层的大小改变，显式设置的初始权重将被丢弃。</translation>
    </message>
    <message>
        <source>W{l} is {rows} × {cols} (n{l} × n{p}) and b{l} is {rows} × 1, in z{l} = W{l}a{p} + b{l}.</source>
        <translation>W{l} 为 {rows} × {cols}（n{l} × n{p}），b{l} 为 {rows} × 1，见 z{l} = W{l}a{p} + b{l}。</translation>
    </message>
    <message>
        <source>Layer {l}, the output layer: a{l} is the network's output.</source>
        <translation>第 {l} 层，即输出层：a{l} 是网络的输出。</translation>
    </message>
    <message>
        <source>nᴸ = {n}, fixed by the data's targets (each y is {targets}), so it cannot be changed here. </source>
        <translation>nᴸ = {n}，由数据的目标决定（每个 y 为{targets}），因此不能在此更改。</translation>
    </message>
    <message>
        <source>nᴸ, the output units. The data has 2 classes: 1 unit with 0/1 targets (sigmoid, binary cross-entropy), or 2 units with one-hot targets (softmax, cross-entropy). The output activation and the loss change with it. </source>
        <translation>nᴸ，输出单元数。数据有 2 个类别：1 个单元配 0/1 目标（sigmoid，二元交叉熵），或 2 个单元配 one-hot 目标（softmax，交叉熵）。输出激活函数和损失随之改变。</translation>
    </message>
    <message>
        <source>fᴸ, the output activation: a{l} = f{l}(z{l}). softmax (only here, and only with at least 2 units: with 1 unit it always gives 1) turns z into probabilities. cross-entropy needs softmax; binary cross-entropy needs sigmoid.</source>
        <translation>fᴸ，输出层激活函数：a{l} = f{l}(z{l})。softmax（仅限此处，且至少需要 2 个单元：只有 1 个单元时其输出恒为 1）将 z 转换为概率。交叉熵需要 softmax；二元交叉熵需要 sigmoid。</translation>
    </message>
    <message>
        <source>Layer {l}, a hidden layer</source>
        <translation>第 {l} 层，隐藏层</translation>
    </message>
    <message>
        <source>n{l}, the number of units in layer {n} (1 … {max}). </source>
        <translation>n{l}，第 {n} 层的单元数（1 … {max}）。</translation>
    </message>
    <message>
        <source>Changing it changes the shapes, so explicit starting weights are dropped.</source>
        <translation>更改它会改变形状，因此显式设置的初始权重将被丢弃。</translation>
    </message>
    <message>
        <source>f{l}, applied element by element: a{l} = f{l}(z{l}), and BP2 multiplies by f{l}′(z{l}). softmax is offered only for the output layer: its Jacobian is not diagonal.</source>
        <translation>f{l}，逐元素作用：a{l} = f{l}(z{l})，BP2 中要乘以 f{l}′(z{l})。softmax 仅可用于输出层：它的雅可比矩阵不是对角矩阵。</translation>
    </message>
    <message>
        <source>Move layer {l} up (swap it with layer {k})</source>
        <translation>将第 {l} 层上移（与第 {k} 层交换）</translation>
    </message>
    <message>
        <source>Move layer {l} down (swap it with layer {k})</source>
        <translation>将第 {l} 层下移（与第 {k} 层交换）</translation>
    </message>
    <message>
        <source>Remove hidden layer {l}</source>
        <translation>删除第 {l} 层（隐藏层）</translation>
    </message>
    <message>
        <source>Move layer {l} up</source>
        <translation>上移第 {l} 层</translation>
    </message>
    <message>
        <source>Move layer {l} down</source>
        <translation>下移第 {l} 层</translation>
    </message>
    <message>
        <source>Remove layer {l}</source>
        <translation>删除第 {l} 层</translation>
    </message>
    <message>
        <source>a 0/1 class</source>
        <translation>一个 0/1 类别</translation>
    </message>
    <message>
        <source>one-hot over {n} classes</source>
        <translation>{n} 个类别的 one-hot 编码</translation>
    </message>
    <message>
        <source>1 value</source>
        <translation>1 个值</translation>
    </message>
    <message>
        <source>{n} values</source>
        <translation>{n} 个值</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>The output layer is always the last layer.</source>
        <translation>输出层始终是最后一层。</translation>
    </message>
</context>
<context>
    <name>LayerMenu</name>
    <message>
        <source>Insert a layer after the inputs</source>
        <translation>在输入之后插入一层</translation>
    </message>
    <message>
        <source>Insert a layer before layer {l}</source>
        <translation>在第 {l} 层之前插入一层</translation>
    </message>
    <message>
        <source>Insert a layer after layer {l}</source>
        <translation>在第 {l} 层之后插入一层</translation>
    </message>
    <message>
        <source>Remove layer {l}</source>
        <translation>删除第 {l} 层</translation>
    </message>
    <message>
        <source>Move towards the inputs</source>
        <translation>向输入方向移动</translation>
    </message>
    <message>
        <source>Move towards the output</source>
        <translation>向输出方向移动</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>linear (identity)</source>
        <translation>线性（恒等）</translation>
    </message>
    <message>
        <source>sigmoid σ</source>
        <translation>sigmoid σ</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <source>softmax (output only)</source>
        <translation>softmax（仅限输出层）</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <source>Update of iteration {i}: the gradient predicted ΔL = {symbol} = {pred}; on its batch the loss changed by {real}.</source>
        <translation>第 {i} 次迭代的更新：梯度预测 ΔL = {symbol} = {pred}；在它的批次上，损失实际变化了 {real}。</translation>
    </message>
    <message>
        <source>Along the step the loss only rose: already at t = {t} it was higher than at t = 0.</source>
        <translation>沿着这一步，损失只升不降：在 t = {t} 处已经高于 t = 0 处。</translation>
    </message>
    <message>
        <source>Along the step the loss still falls at t = {t}: a longer step would have lowered it more.</source>
        <translation>沿着这一步，损失在 t = {t} 处仍在下降：步子再大一些，损失会降得更多。</translation>
    </message>
    <message>
        <source>Along the step the loss is lowest at t = {t} (the step taken is t = 1).</source>
        <translation>沿着这一步，损失在 t = {t} 处最低（实际走的一步是 t = 1）。</translation>
    </message>
    <message>
        <source>The run diverged, but the updates in the ledger did not overshoot on their own batches.</source>
        <translation>训练已发散，但账本中的更新在各自的批次上并没有越过谷底。</translation>
    </message>
    <message>
        <source>the loss on its batch rose by {real} where the gradient predicted a change of {pred}</source>
        <translation>它批次上的损失上升了 {real}，而梯度预测的变化是 {pred}</translation>
    </message>
    <message>
        <source>the loss along the step was already higher at t = {t} than at t = 0, so at t = 1 it rose by {real} where the gradient predicted {pred}</source>
        <translation>沿着这一步，损失在 t = {t} 处就已高于 t = 0 处，所以到 t = 1 时上升了 {real}，而梯度预测的是 {pred}</translation>
    </message>
    <message>
        <source>the loss along the step fell only up to t = {t} and rose after it, so at t = 1 it rose by {real} where the gradient predicted {pred}</source>
        <translation>沿着这一步，损失只下降到 t = {t}，之后便上升，所以到 t = 1 时上升了 {real}，而梯度预测的是 {pred}</translation>
    </message>
    <message>
        <source>The last step went past the valley's bottom: {how}.</source>
        <translation>最后一步越过了谷底：{how}。</translation>
    </message>
    <message>
        <source>The last {n} steps went past the valley's bottom. In the first of them (iteration {i}), {how}.</source>
        <translation>最后 {n} 步都越过了谷底。其中第一步（第 {i} 次迭代）：{how}。</translation>
    </message>
    <message>
        <source>Why the run diverged: {text} Each step overshot further, so the numbers grew until they overflowed. Lower the learning rate η.</source>
        <translation>训练为什么发散：{text}每一步都越冲越远，数值不断增大，直到溢出。请减小学习率 η。</translation>
    </message>
    <message>
        <source>A smaller learning rate η would land nearer the bottom.</source>
        <translation>更小的学习率 η 会落得更接近谷底。</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>Predicted ΔL
{symbol}</source>
        <translation>预测 ΔL
{symbol}</translation>
    </message>
    <message>
        <source>Real ΔL
on the batch</source>
        <translation>实际 ΔL
（批次）</translation>
    </message>
    <message>
        <source>Real ΔL
on the training set</source>
        <translation>实际 ΔL
（训练集）</translation>
    </message>
    <message>
        <source>Real ÷
predicted</source>
        <translation>实际 ÷
预测</translation>
    </message>
    <message>
        <source>Best t</source>
        <translation>最佳 t</translation>
    </message>
    <message>
        <source>The first-order prediction of the batch loss change: the gradient g = ∂L/∂θ times the update Δθ; for plain gradient descent Δθ = −ηg, so it is −η‖g‖²</source>
        <translation>批次损失变化的一阶预测：梯度 g = ∂L/∂θ 乘以更新量 Δθ；对普通梯度下降，Δθ = −ηg，所以它等于 −η‖g‖²</translation>
    </message>
    <message>
        <source>Where the batch loss is lowest along the update's direction (t = 1 is the step taken)</source>
        <translation>沿更新方向批次损失最低的位置（t = 1 是实际走的一步）</translation>
    </message>
    <message>
        <source>This step went past the valley's bottom: the loss rose</source>
        <translation>这一步越过了谷底：损失上升了</translation>
    </message>
    <message>
        <source>Step through an update (F5 finishes the iteration) or run training: each update's predicted and real change of the loss appears here.</source>
        <translation>单步执行到一次更新（F5 完成本次迭代）或开始训练：每次更新的预测损失变化和实际损失变化都会显示在这里。</translation>
    </message>
    <message>
        <source>(Not measured: during a run the real changes and the line are measured only as time allows.)</source>
        <translation>（尚未测量：训练运行期间，实际变化和沿步长的曲线只在时间允许时测量。）</translation>
    </message>
    <message>
        <source>step taken, t = 1</source>
        <translation>实际一步，t = 1</translation>
    </message>
    <message>
        <source>t, along the step Δθ</source>
        <translation>t，沿步长 Δθ</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>{curve} loss along the step, L(θ + tΔθ)   {tangent} first-order prediction   {best} best t</source>
        <translation>{curve} 沿步长的损失 L(θ + tΔθ)   {tangent} 一阶预测   {best} 最佳 t</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>The lessons that come with BP Studio, in order</source>
        <translation>BP Studio 自带的课程，按顺序排列</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start the chosen lesson: its network is opened (unsaved work is asked about first)</source>
        <translation>开始所选课程：打开该课程的网络（如有未保存的工作，会先询问）</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open a lesson file of your own (JSON, see docs/lessons.md)</source>
        <translation>打开你自己的课程文件（JSON，见 docs/lessons.md）</translation>
    </message>
    <message>
        <source>No lesson started</source>
        <translation>尚未开始课程</translation>
    </message>
    <message>
        <source>Lesson title</source>
        <translation>课程标题</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Where you are in the lesson</source>
        <translation>你在课程中的位置</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>The previous step (Alt+PgUp)</source>
        <translation>上一步 (Alt+PgUp)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>The next step, once this one is done (Alt+PgDown)</source>
        <translation>下一步，完成当前这一步后可用 (Alt+PgDown)</translation>
    </message>
    <message>
        <source>Step text</source>
        <translation>步骤说明</translation>
    </message>
    <message>
        <source>What to look at and what to press</source>
        <translation>要看哪里、要按什么</translation>
    </message>
    <message>
        <source>What the step waits for</source>
        <translation>这一步在等待什么</translation>
    </message>
    <message>
        <source>e.g. 0.063, -0.032, 6.3e-2 or 1/2</source>
        <translation>例如 0.063、-0.032、6.3e-2 或 1/2</translation>
    </message>
    <message>
        <source>Type your prediction and press Enter to check it</source>
        <translation>输入你的预测，按 Enter 检查</translation>
    </message>
    <message>
        <source>Your prediction</source>
        <translation>你的预测</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Compare your number with the engine's (Enter)</source>
        <translation>将你的数字与计算引擎的结果比较 (Enter)</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <source>Show the engine's number</source>
        <translation>显示计算引擎算出的数字</translation>
    </message>
    <message>
        <source>Feedback on your prediction</source>
        <translation>对你的预测的反馈</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>BP Studio lessons (*.json);;All files (*)</source>
        <translation>BP Studio 课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not open the lesson {name}: {error}</source>
        <translation>无法打开课程 {name}：{error}</translation>
    </message>
    <message>
        <source>Choose a lesson and press Start.</source>
        <translation>选择一个课程，然后按“开始”。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each lesson opens its own network, tells you what to press, points at the panel that matters and asks you to predict numbers before the engine computes them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;每个课程都会打开自己的网络，告诉你该按什么，指出需要关注的面板，并让你在计算引擎算出数字之前先预测它们。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Lesson complete ✓ ({count} steps)</source>
        <translation>课程完成 ✓（共 {count} 步）</translation>
    </message>
    <message>
        <source>Step {number} of {count}</source>
        <translation>第 {number} 步，共 {count} 步</translation>
    </message>
    <message>
        <source>This lesson is written in the column convention (samples as columns); the panels show the row convention, so its matrices appear transposed there: entry [i, j] of the lesson is [j, i] on screen. Ctrl+Shift+T switches back.</source>
        <translation>本课程按列约定编写（样本按列排列）；面板现在显示行约定，矩阵在那里是转置的：课程中的元素 [i, j] 在屏幕上是 [j, i]。按 Ctrl+Shift+T 切换回来。</translation>
    </message>
    <message>
        <source>Predict {name}, then press Check:</source>
        <translation>预测 {name}，然后按“检查”：</translation>
    </message>
    <message>
        <source>Next is enabled once you have checked your prediction.</source>
        <translation>检查过你的预测后，“下一步”才可用。</translation>
    </message>
    <message>
        <source>✓ The engine has got there.</source>
        <translation>✓ 计算引擎已到达该处。</translation>
    </message>
    <message>
        <source>Waiting until {count} iterations are done.</source>
        <translation>等待完成 {count} 次迭代。</translation>
    </message>
    <message>
        <source>Waiting for the stage {stage} of iteration {iteration}.</source>
        <translation>等待第 {iteration} 次迭代的“{stage}”阶段。</translation>
    </message>
    <message>
        <source>Work it out factor by factor with the numbers in the panels.</source>
        <translation>利用面板中的数字，逐个因子地算出来。</translation>
    </message>
    <message>
        <source>Not quite ({answer}). Hint: {hint}</source>
        <translation>不太对（{answer}）。提示：{hint}</translation>
    </message>
    <message>
        <source>Not quite ({answer}): that is what the typical mistake “{name}” gives.</source>
        <translation>不太对（{answer}）：这正是典型错误“{name}”得出的数。</translation>
    </message>
    <message>
        <source>Not quite ({answer}): that is what each of these typical mistakes gives.</source>
        <translation>不太对（{answer}）：下面每个典型错误都会得出这个数。</translation>
    </message>
    <message>
        <source>{name}: {did}</source>
        <translation>{name}：{did}</translation>
    </message>
    <message>
        <source>Hint: {hint}</source>
        <translation>提示：{hint}</translation>
    </message>
    <message>
        <source>Right! The engine computes {name} = {value}.</source>
        <translation>正确！计算引擎算出 {name} = {value}。</translation>
    </message>
    <message>
        <source>The engine computes {name} = {value}.</source>
        <translation>计算引擎算出 {name} = {value}。</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>{source}: not a lesson (its JSON is nested too deeply)</source>
        <translation>{source}：不是课程文件（其 JSON 嵌套过深）</translation>
    </message>
    <message>
        <source>{source}: {field}: {message}</source>
        <translation>{source}：{field}：{message}</translation>
    </message>
    <message>
        <source>{source}: not a BP Studio lesson (the top level is not an object)</source>
        <translation>{source}：不是 BP Studio 课程（顶层不是对象）</translation>
    </message>
    <message>
        <source>{source}: not a BP Studio lesson (format is {found}, expected {expected})</source>
        <translation>{source}：不是 BP Studio 课程（格式为 {found}，应为 {expected}）</translation>
    </message>
    <message>
        <source>{source}: version must be a whole number ≥ 1, got {found}</source>
        <translation>{source}：版本必须是 ≥ 1 的整数，实际为 {found}</translation>
    </message>
    <message>
        <source>{source}: made by a newer BP Studio (lesson format version {version}; this one reads up to {supported})</source>
        <translation>{source}：由更新版本的 BP Studio 创建（课程格式版本 {version}；本版本最高只能读取 {supported}）</translation>
    </message>
    <message>
        <source>must be a list of at least one step</source>
        <translation>必须是至少包含一个步骤的列表</translation>
    </message>
    <message>
        <source>is not a field here; the fields are {fields}</source>
        <translation>不是此处可用的字段；可用字段为 {fields}</translation>
    </message>
    <message>
        <source>is missing (an object such as {"en": "…", "zh_CN": "…"})</source>
        <translation>缺失（应为一个对象，例如 {"en": "…", "zh_CN": "…"}）</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>must be text, or an object of texts keyed by language such as {"en": "…", "zh_CN": "…"}</source>
        <translation>必须是文本，或按语言分键的文本对象，例如 {"en": "…", "zh_CN": "…"}</translation>
    </message>
    <message>
        <source>is not a language code (write en, zh_CN, de…)</source>
        <translation>不是语言代码（请写 en、zh_CN、de…）</translation>
    </message>
    <message>
        <source>must be non-empty text</source>
        <translation>必须是非空文本</translation>
    </message>
    <message>
        <source>{name} is not a built-in example; the examples are {names}</source>
        <translation>{name} 不是内置示例；可用的示例有 {names}</translation>
    </message>
    <message>
        <source>the inline project is not valid: {error}</source>
        <translation>内嵌项目无效：{error}</translation>
    </message>
    <message>
        <source>must be the name of a built-in example or a project object (.bpsproj format)</source>
        <translation>必须是内置示例的名称或项目对象（.bpsproj 格式）</translation>
    </message>
    <message>
        <source>must be a whole number from {low} to {high}</source>
        <translation>必须是 {low} 到 {high} 之间的整数</translation>
    </message>
    <message>
        <source>{value} is out of range: it must be from {low} to {high}</source>
        <translation>{value} 超出范围：必须在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>must be one of {kinds}</source>
        <translation>必须是 {kinds} 之一</translation>
    </message>
    <message>
        <source>is needed for a {kind} stage</source>
        <translation>{kind} 阶段需要此项</translation>
    </message>
    <message>
        <source>is not allowed for the {kind} stage</source>
        <translation>{kind} 阶段不允许此项</translation>
    </message>
    <message>
        <source>must be an object with text (and optionally highlight, wait_for, predict)</source>
        <translation>必须是包含 text 的对象（可选 highlight、wait_for、predict）</translation>
    </message>
    <message>
        <source>{name} is not a panel; the panels are {names}</source>
        <translation>{name} 不是面板；可用的面板有 {names}</translation>
    </message>
    <message>
        <source>must be an object such as {"stage": "backward", "layer": 2} or {"iterations": 100}</source>
        <translation>必须是对象，例如 {"stage": "backward", "layer": 2} 或 {"iterations": 100}</translation>
    </message>
    <message>
        <source>must be an object with quantity, layer, row, col</source>
        <translation>必须是包含 quantity、layer、row、col 的对象</translation>
    </message>
    <message>
        <source>{name} is not a quantity; choose one of {names}</source>
        <translation>{name} 不是可用的量；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>is not used for the loss, which is one number</source>
        <translation>损失只是一个数，不使用此项</translation>
    </message>
    <message>
        <source>must be an object such as {"stage": "update"}</source>
        <translation>必须是对象，例如 {"stage": "update"}</translation>
    </message>
    <message>
        <source>{quantity} is computed at stage {computed}, after {stage}</source>
        <translation>{quantity} 在 {computed} 阶段才计算，晚于 {stage}</translation>
    </message>
    <message>
        <source>must be an object with abs and/or rel</source>
        <translation>必须是包含 abs 和/或 rel 的对象</translation>
    </message>
    <message>
        <source>must be a number ≥ 0</source>
        <translation>必须是 ≥ 0 的数</translation>
    </message>
    <message>
        <source>abs and rel cannot both be 0 (no typed answer would ever be right)</source>
        <translation>abs 和 rel 不能同时为 0（否则输入的答案永远不会正确）</translation>
    </message>
    <message>
        <source>the preset starts at stage {position} of iteration {start}, after the stage this prediction asks about (iteration {iteration})</source>
        <translation>预设从第 {start} 次迭代的第 {position} 个阶段开始，晚于此预测所问的阶段（第 {iteration} 次迭代）</translation>
    </message>
    <message>
        <source>{index} is out of range: {quantity} of layer {layer} is {rows} × {cols} (indices count from 1)</source>
        <translation>{index} 超出范围：第 {layer} 层的 {quantity} 为 {rows} × {cols}（索引从 1 开始）</translation>
    </message>
    <message>
        <source>the answers up to here take {iterations:,} iterations of about {work:,} multiply-adds each to compute when the lesson opens; BP Studio allows {most:,} million multiply-adds in all: ask about an earlier iteration or use a smaller preset</source>
        <translation>到此为止的答案需要在课程打开时计算 {iterations:,} 次迭代，每次约 {work:,} 次乘加；BP Studio 总共最多允许 {most:,} 百万次乘加：请询问更早的迭代，或使用更小的预设</translation>
    </message>
    <message>
        <source>Type a number first.</source>
        <translation>请先输入一个数。</translation>
    </message>
    <message>
        <source>{text} divides by zero.</source>
        <translation>{text} 除以零。</translation>
    </message>
    <message>
        <source>{text} is not a number. Type a decimal such as 0.063 or -0.032, a power of ten such as 6.3e-2, or a fraction such as 1/2.</source>
        <translation>{text} 不是一个数。请输入小数（如 0.063 或 -0.032）、10 的幂（如 6.3e-2）或分数（如 1/2）。</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson panel</source>
        <translation>课程面板</translation>
    </message>
    <message>
        <source>Show the guided lessons</source>
        <translation>显示引导课程</translation>
    </message>
    <message>
        <source>Next lesson step</source>
        <translation>课程下一步</translation>
    </message>
    <message>
        <source>Go to the next step of the lesson, once this one is done</source>
        <translation>完成当前步骤后，进入课程的下一步</translation>
    </message>
    <message>
        <source>Previous lesson step</source>
        <translation>课程上一步</translation>
    </message>
    <message>
        <source>Go back to the previous step of the lesson</source>
        <translation>返回课程的上一步</translation>
    </message>
    <message>
        <source>Open lesson file…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <source>Open a lesson file of your own (JSON, see docs/lessons.md)</source>
        <translation>打开你自己的课程文件（JSON，见 docs/lessons.md）</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Start this lesson (its network is opened)</source>
        <translation>开始此课程（将打开其网络）</translation>
    </message>
</context>
<context>
    <name>Lockstep</name>
    <message>
        <source>{text!r} is not a value of this setting</source>
        <translation>{text!r} 不是这个设置的有效值</translation>
    </message>
    <message>
        <source>B must differ from A: this is the value A has</source>
        <translation>B 必须与 A 不同：这正是 A 的值</translation>
    </message>
    <message>
        <source>A and B are equal so far (stages taken: {stages}).</source>
        <translation>到目前为止 A 和 B 完全相同（已走 {stages} 个阶段）。</translation>
    </message>
    <message>
        <source>from the start (the starting weights or the first batch)</source>
        <translation>从一开始（初始权重或第一个批次）</translation>
    </message>
    <message>
        <source>in iteration {i}, stage {stage}</source>
        <translation>在第 {i} 次迭代的 {stage} 阶段</translation>
    </message>
    <message>
        <source>A and B part {at}: {what} has another shape.</source>
        <translation>A 和 B {at}出现分歧：{what} 的形状不同。</translation>
    </message>
    <message>
        <source>A and B part {at}, first at {entry}: A {a:.6g}, B {b:.6g}.</source>
        <translation>A 和 B {at}出现分歧，最先在 {entry}：A {a:.6g}，B {b:.6g}。</translation>
    </message>
</context>
<context>
    <name>LockstepView</name>
    <message>
        <source>The one setting run B changes; everything else (seed, data, batches) is A's</source>
        <translation>运行 B 唯一改动的设置；其余一切（种子、数据、批次）都与 A 相同</translation>
    </message>
    <message>
        <source>B's value of the setting</source>
        <translation>B 的设置值</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>与之比较…</translation>
    </message>
    <message>
        <source>Make run B from this project with the setting changed, and start A and B from the start side by side</source>
        <translation>用改动了该设置的本项目生成运行 B，并让 A 和 B 从头开始并排运行</translation>
    </message>
    <message>
        <source>Step both</source>
        <translation>两者各走一步</translation>
    </message>
    <message>
        <source>A and B take one stage each</source>
        <translation>A 和 B 各前进一个阶段</translation>
    </message>
    <message>
        <source>Until they part</source>
        <translation>直到出现分歧</translation>
    </message>
    <message>
        <source>Step both until their numbers first differ</source>
        <translation>两者一起前进，直到数值第一次不同</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>层 </translation>
    </message>
    <message>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>to</source>
        <translation>为</translation>
    </message>
    <message>
        <source>Choose a setting and B's value, then Compare with…: runs A (this project) and B (the one setting changed) start together with the same seed, data and batches.</source>
        <translation>选择一个设置和 B 的值，然后点“与之比较…”：运行 A（本项目）和 B（只改动这一项设置）以相同的种子、数据和批次一起开始。</translation>
    </message>
    <message>
        <source>next: iteration {i}, {stage}</source>
        <translation>下一步：第 {i} 次迭代，{stage}</translation>
    </message>
    <message>
        <source>A: {name} {a} · B: {name} {b} · {where}</source>
        <translation>A：{name} {a} · B：{name} {b} · {where}</translation>
    </message>
    <message>
        <source>A and B first part here</source>
        <translation>A 和 B 在这里第一次出现分歧</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Loss on a logarithmic axis: late, small improvements stay visible (zero, negative or infinite values are left out)</source>
        <translation>在对数坐标轴上显示损失：后期微小的改进依然可见（零、负值或无穷大值不显示）</translation>
    </message>
    <message>
        <source>x axis</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>Why a curve is missing</source>
        <translation>曲线缺失的原因</translation>
    </message>
    <message>
        <source>Mean loss over the whole training set (solid) and test set (dashed), measured after each logged update</source>
        <translation>整个训练集（实线）和测试集（虚线）上的平均损失，在每次记录的更新之后测量</translation>
    </message>
    <message>
        <source>Fraction of samples classified right, training (solid) and test (dashed)</source>
        <translation>分类正确的样本比例，训练集（实线）和测试集（虚线）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>L = {form}, the mean over the samples</source>
        <translation>L = {form}，对样本取平均</translation>
    </message>
    <message>
        <source>The loss in use, per sample; a point of the curve is its mean over the training (or test) set</source>
        <translation>所用的损失（按每个样本计）；曲线上的每个点是它在训练集（或测试集）上的平均值</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Run or step an iteration to see the loss</source>
        <translation>运行或单步执行一次迭代以查看损失</translation>
    </message>
    <message>
        <source>diverged in iteration {i}</source>
        <translation>在第 {i} 次迭代发散</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>No accuracy for a regression target</source>
        <translation>回归目标没有准确率</translation>
    </message>
    <message>
        <source>No test set: only the training curves</source>
        <translation>没有测试集：仅显示训练曲线</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <source>squared error without ½</source>
        <translation>不带 ½ 的平方误差</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>L = ‖a − y‖²  (no ½, as in 3Blue1Brown)</source>
        <translation>L = ‖a − y‖²  （不带 ½，与 3Blue1Brown 相同）</translation>
    </message>
    <message>
        <source>unknown loss {name!r}; choose one of {choices}</source>
        <translation>未知的损失函数 {name!r}；请从 {choices} 中选择</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Selected weight</source>
        <translation>选中的权重</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Equations</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Ready · next: forward, layer 1 · iteration {i} · epoch {e}</source>
        <translation>就绪 · 下一步：前向，第 1 层 · 第 {i} 次迭代 · 第 {e} 轮</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>{kind} · layer {l} of {L} · iteration {i} · epoch {e}</source>
        <translation>{kind} · 第 {l} 层（共 {L} 层） · 第 {i} 次迭代 · 第 {e} 轮</translation>
    </message>
    <message>
        <source>{kind} · iteration {i} · epoch {e}</source>
        <translation>{kind} · 第 {i} 次迭代 · 第 {e} 轮</translation>
    </message>
    <message>
        <source> · L = {loss}</source>
        <translation> · L = {loss}</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>BP Studio projects (*.bpsproj);;All files (*)</source>
        <translation>BP Studio 项目 (*.bpsproj);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open snapshot</source>
        <translation>打开快照</translation>
    </message>
    <message>
        <source>BP Studio snapshots (*.npz);;All files (*)</source>
        <translation>BP Studio 快照 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>BP Studio — {name}{where}</source>
        <translation>BP Studio — {name}{where}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last edit of the network or a weight (Ctrl+Z)</source>
        <translation>撤销对网络或权重的上一次编辑（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo the edit just undone (Ctrl+Shift+Z)</source>
        <translation>重做刚撤销的编辑（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Open a BP Studio project (.bpsproj)</source>
        <translation>打开 BP Studio 项目（.bpsproj）</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Open snapshot…</source>
        <translation>打开快照…</translation>
    </message>
    <message>
        <source>Open a snapshot (.npz) saved with File ▸ Export: its project at its stage, every number as saved</source>
        <translation>打开通过“文件 ▸ 导出”保存的快照（.npz）：其项目处于保存时的阶段，所有数值与保存时一致</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Close BP Studio</source>
        <translation>关闭 BP Studio</translation>
    </message>
    <message>
        <source>Previous layer</source>
        <translation>上一层</translation>
    </message>
    <message>
        <source>Show the matrices of the layer below</source>
        <translation>显示前一层的矩阵</translation>
    </message>
    <message>
        <source>Next layer</source>
        <translation>下一层</translation>
    </message>
    <message>
        <source>Show the matrices of the layer above</source>
        <translation>显示后一层的矩阵</translation>
    </message>
    <message>
        <source>More digits</source>
        <translation>增加位数</translation>
    </message>
    <message>
        <source>Show one more digit after the decimal point everywhere</source>
        <translation>所有数值的小数点后多显示一位</translation>
    </message>
    <message>
        <source>Fewer digits</source>
        <translation>减少位数</translation>
    </message>
    <message>
        <source>Show one digit fewer after the decimal point everywhere</source>
        <translation>所有数值的小数点后少显示一位</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation>打开示例(&amp;E)</translation>
    </message>
    <message>
        <source>Open the built-in example {name}</source>
        <translation>打开内置示例 {name}</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>Stepping</source>
        <translation>单步执行</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show or hide the {title} panel</source>
        <translation>显示或隐藏“{title}”面板</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Start a new, untitled project from a small clean template: 2 inputs, 3 tanh units, 1 sigmoid output, 200 moons points (Ctrl+N)</source>
        <translation>从一个简洁的小模板新建未命名项目：2 个输入、3 个 tanh 单元、1 个 sigmoid 输出、200 个“双月”数据点（Ctrl+N）</translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation>检查梯度</translation>
    </message>
    <message>
        <source>Compare backprop's ∂L/∂W and ∂L/∂b with finite differences for the current weights</source>
        <translation>在当前权重下，将反向传播算出的 ∂L/∂W 和 ∂L/∂b 与有限差分结果进行比较</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <source>Training has diverged: {what} became too large to compute (infinite, or NaN: not a number) in iteration {i}{when}. Usually the learning rate η is too large: each step overshoots and the numbers grow until they overflow. Step back (Shift+F11) to the last finite numbers, or lower η and reset.</source>
        <translation>训练已发散：在第 {i} 次迭代中{when}，{what} 变得太大而无法计算（无穷大，或 NaN：不是一个数）。通常是学习率 η 太大：每一步都冲过了头，数值越来越大直到溢出。请后退一步（Shift+F11）回到最后的有限数值，或降低 η 后重置。</translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation>微扰</translation>
    </message>
    <message>
        <source>Update ledger</source>
        <translation>更新账本</translation>
    </message>
    <message>
        <source>Chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Plant a bug…</source>
        <translation>植入错误…</translation>
    </message>
    <message>
        <source>Run one typical mistake in a copy of the network (Code panel)</source>
        <translation>在网络的副本中运行一个典型错误（代码面板）</translation>
    </message>
    <message>
        <source>Kept runs</source>
        <translation>保留的运行</translation>
    </message>
    <message>
        <source>Lockstep A/B</source>
        <translation>同步对比 A/B</translation>
    </message>
    <message>
        <source>Export kept runs as CSV</source>
        <translation>将保留的运行导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>MatrixImage</name>
    <message>
        <source>Colour scale: blue negative, white 0, red positive (symmetric)</source>
        <translation>色标：蓝色为负，白色为 0，红色为正（对称）</translation>
    </message>
    <message>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <source>{row}, {where}: {value}</source>
        <translation>{row}，{where}：{value}</translation>
    </message>
    <message>
        <source>all 0</source>
        <translation>全为 0</translation>
    </message>
    <message>
        <source>max |x| = {v}</source>
        <translation>max |x| = {v}</translation>
    </message>
    <message>
        <source> · {n} not finite (NaN or ∞)</source>
        <translation> · {n} 个非有限值（NaN 或 ∞）</translation>
    </message>
    <message>
        <source>{n} wrong (planted bug) · {rest}</source>
        <translation>{n} 个错误值（植入的错误）· {rest}</translation>
    </message>
    <message>
        <source>Hover the image: the entry's value, and below how it was computed</source>
        <translation>将鼠标悬停在图像上：显示该元素的值，并在下方显示其计算过程</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>not computed yet — computed at stage {stage}</source>
        <translation>尚未计算——在“{stage}”阶段计算</translation>
    </message>
    <message>
        <source>from unit {k}</source>
        <translation>来自单元 {k}</translation>
    </message>
    <message>
        <source>sample {s}</source>
        <translation>样本 {s}</translation>
    </message>
    <message>
        <source>unit {j} of layer {l}: row {j}</source>
        <translation>第 {l} 层的单元 {j}：第 {j} 行</translation>
    </message>
    <message>
        <source>unit {j}</source>
        <translation>单元 {j}</translation>
    </message>
    <message>
        <source>column {k}: weights from input {k} (x{k})</source>
        <translation>第 {k} 列：来自输入 {k}（x{k}）的权重</translation>
    </message>
    <message>
        <source>column {k}: weights from unit {k} of layer {p}</source>
        <translation>第 {k} 列：来自第 {p} 层单元 {k} 的权重</translation>
    </message>
    <message>
        <source>{symbol}, one value per unit</source>
        <translation>{symbol}，每个单元一个值</translation>
    </message>
    <message>
        <source>column {s}: sample {s} of the batch</source>
        <translation>第 {s} 列：批次中的样本 {s}</translation>
    </message>
    <message>
        <source>#{s}</source>
        <translation>#{s}</translation>
    </message>
    <message>
        <source>column {j}: unit {j} of layer {l}</source>
        <translation>第 {j} 列：第 {l} 层的单元 {j}</translation>
    </message>
    <message>
        <source>row {k}: weights from input {k} (x{k})</source>
        <translation>第 {k} 行：来自输入 {k}（x{k}）的权重</translation>
    </message>
    <message>
        <source>row {k}: weights from unit {k} of layer {p}</source>
        <translation>第 {k} 行：来自第 {p} 层单元 {k} 的权重</translation>
    </message>
    <message>
        <source>row {s}: sample {s} of the batch</source>
        <translation>第 {s} 行：批次中的样本 {s}</translation>
    </message>
    <message>
        <source>Planted bug: the correct value is {value}</source>
        <translation>植入的错误：正确值为 {value}</translation>
    </message>
</context>
<context>
    <name>MatrixPanel</name>
    <message>
        <source>Layer l: all quantities</source>
        <translation>第 l 层：所有量</translation>
    </message>
    <message>
        <source>{q} across layers</source>
        <translation>各层的 {q}</translation>
    </message>
    <message>
        <source>Show every quantity of one layer, or one quantity of every layer side by side</source>
        <translation>显示某一层的所有量，或并排显示所有层的同一个量</translation>
    </message>
    <message>
        <source>The layer whose matrices are shown</source>
        <translation>显示其矩阵的层</translation>
    </message>
    <message>
        <source> digits</source>
        <translation> 位小数</translation>
    </message>
    <message>
        <source>Digits after the decimal point in the tables and derivations (1–10); values too small to show two digits switch to scientific notation</source>
        <translation>表格和推导中小数点后的位数（1–10）；小到无法显示两位数字的值改用科学记数法</translation>
    </message>
    <message>
        <source>● just computed</source>
        <translation>● 刚计算</translation>
    </message>
    <message>
        <source>Outlined boxes with bold numbers were computed by the stage just taken</source>
        <translation>带边框且数字加粗的格子是刚执行的阶段计算出的</translation>
    </message>
    <message>
        <source>How the entry under the mouse was computed, with its numbers</source>
        <translation>鼠标下方元素的计算过程及其数值</translation>
    </message>
    <message>
        <source>Hover an entry to see how it was computed, with the numbers.</source>
        <translation>将鼠标悬停在某个元素上，查看它的计算过程和数值。</translation>
    </message>
    <message>
        <source>Layer {l}: {a} → {b}, {f}</source>
        <translation>第 {l} 层：{a} → {b}，{f}</translation>
    </message>
    <message>
        <source>The selected layer (the network canvas and equations follow it)</source>
        <translation>选中的层（网络画布和公式随之切换）</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Weights of layer {l} in the row convention (the transpose of W{sl}): row k holds the weights from unit k of layer {p}, column j those into unit j.</source>
        <translation>第 {l} 层的权重（行约定，即 W{sl} 的转置）：第 k 行是来自第 {p} 层单元 k 的权重，第 j 列是进入单元 j 的权重。</translation>
    </message>
    <message>
        <source>Biases of layer {l}: one per unit (a row), added to every row (every sample) of Z{sl}.</source>
        <translation>第 {l} 层的偏置：每个单元一个（一行），加到 Z{sl} 的每一行（每个样本）上。</translation>
    </message>
    <message>
        <source>Weighted inputs Z{sl} = A{sp} W{sl} + b{sl}: one row per sample.</source>
        <translation>加权输入 Z{sl} = A{sp} W{sl} + b{sl}：每个样本一行。</translation>
    </message>
    <message>
        <source>Activations A{sl} = f(Z{sl}): one row per sample.</source>
        <translation>激活值 A{sl} = f(Z{sl})：每个样本一行。</translation>
    </message>
    <message>
        <source>Errors δ{sl} = ∂L/∂z{sl}, one row per sample (never averaged): BP1 at the output layer, BP2 (δ{sl} = (δ⁽ˡ⁺¹⁾ (W⁽ˡ⁺¹⁾)ᵀ) ⊙ f′(z{sl})) below it.</source>
        <translation>误差 δ{sl} = ∂L/∂z{sl}，每个样本一行（从不取平均）：输出层用 BP1，其下各层用 BP2（δ{sl} = (δ⁽ˡ⁺¹⁾ (W⁽ˡ⁺¹⁾)ᵀ) ⊙ f′(z{sl})）。</translation>
    </message>
    <message>
        <source>Weight gradient ∂L/∂W{sl} = (1/m) (A{sp})ᵀ δ{sl} (BP4): the mean over the m samples of the batch.</source>
        <translation>权重梯度 ∂L/∂W{sl} = (1/m) (A{sp})ᵀ δ{sl}（BP4）：对批次中 m 个样本取平均值。</translation>
    </message>
    <message>
        <source>Bias gradient ∂L/∂b{sl}: the mean of δ{sl} over its m rows, the samples of the batch (BP3).</source>
        <translation>偏置梯度 ∂L/∂b{sl}：δ{sl} 在其 m 行（即批次中的各样本）上的平均值（BP3）。</translation>
    </message>
    <message>
        <source>Weights of layer {l}: row j holds the weights into unit j, column k those from unit k of layer {p}.</source>
        <translation>第 {l} 层的权重：第 j 行是进入单元 j 的权重，第 k 列是来自第 {p} 层单元 k 的权重。</translation>
    </message>
    <message>
        <source>Biases of layer {l}: one per unit, added to z{sl} for every sample.</source>
        <translation>第 {l} 层的偏置：每个单元一个，对每个样本都加到 z{sl} 上。</translation>
    </message>
    <message>
        <source>Weighted inputs z{sl} = W{sl} a{sp} + b{sl}: one column per sample.</source>
        <translation>加权输入 z{sl} = W{sl} a{sp} + b{sl}：每个样本一列。</translation>
    </message>
    <message>
        <source>Activations a{sl} = f(z{sl}): one column per sample.</source>
        <translation>激活值 a{sl} = f(z{sl})：每个样本一列。</translation>
    </message>
    <message>
        <source>Errors δ{sl} = ∂L/∂z{sl}, one column per sample (never averaged): BP1 at the output layer, BP2 below it.</source>
        <translation>误差 δ{sl} = ∂L/∂z{sl}，每个样本一列（从不取平均）：输出层用 BP1，其下各层用 BP2。</translation>
    </message>
    <message>
        <source>Weight gradient ∂L/∂W{sl} = (1/m) δ{sl} (a{sp})ᵀ (BP4): the mean over the m samples of the batch.</source>
        <translation>权重梯度 ∂L/∂W{sl} = (1/m) δ{sl} (a{sp})ᵀ（BP4）：对批次中 m 个样本取平均值。</translation>
    </message>
    <message>
        <source>Bias gradient ∂L/∂b{sl}: the mean of δ{sl} over the m samples of the batch (BP3).</source>
        <translation>偏置梯度 ∂L/∂b{sl}：δ{sl} 在批次 m 个样本上的平均值（BP3）。</translation>
    </message>
    <message>
        <source>Computed by the stage just taken (outlined, numbers in bold).</source>
        <translation>由刚执行的阶段计算得出（带边框，数字加粗）。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>MistakeBar</name>
    <message>
        <source>Plant a bug ({key}): the engine runs one typical mistake in a copy of the network; the matrices mark every entry that differs from the correct value. Switch it off and everything is exact again.</source>
        <translation>植入错误（{key}）：引擎在网络的副本中运行一个典型错误；矩阵会标出与正确值不同的每个元素。关闭后一切都会精确恢复原样。</translation>
    </message>
    <message>
        <source>Plant a bug:</source>
        <translation>植入错误：</translation>
    </message>
    <message>
        <source>None: the correct program</source>
        <translation>无：正确的程序</translation>
    </message>
    <message>
        <source>Planted: {name}. {did}</source>
        <translation>已植入：{name}。{did}</translation>
    </message>
    <message>
        <source>Batch loss {buggy}, correct {right}.</source>
        <translation>批损失 {buggy}，正确值 {right}。</translation>
    </message>
</context>
<context>
    <name>Mistakes</name>
    <message>
        <source>f′ left out of BP1</source>
        <translation>BP1 中漏掉 f′</translation>
    </message>
    <message>
        <source>You wrote δᴸ = ∇ₐL, leaving out ⊙ f′(zᴸ): BP1 is δᴸ = ∇ₐL ⊙ f′(zᴸ).</source>
        <translation>你写成了 δᴸ = ∇ₐL，漏掉了 ⊙ f′(zᴸ)：BP1 是 δᴸ = ∇ₐL ⊙ f′(zᴸ)。</translation>
    </message>
    <message>
        <source>f′ left out of BP2</source>
        <translation>BP2 中漏掉 f′</translation>
    </message>
    <message>
        <source>You wrote δˡ = (Wˡ⁺¹)ᵀ δˡ⁺¹, leaving out ⊙ f′(zˡ): BP2 is δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ).</source>
        <translation>你写成了 δˡ = (Wˡ⁺¹)ᵀ δˡ⁺¹，漏掉了 ⊙ f′(zˡ)：BP2 是 δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)。</translation>
    </message>
    <message>
        <source>f′(a) instead of f′(z)</source>
        <translation>用 f′(a) 代替了 f′(z)</translation>
    </message>
    <message>
        <source>You multiplied by f′(a), e.g. σ′(a) = σ(a)(1 − σ(a)): the derivative is taken at z, σ′(z) = a(1 − a).</source>
        <translation>你乘的是 f′(a)，例如 σ′(a) = σ(a)(1 − σ(a))：导数应在 z 处取值，σ′(z) = a(1 − a)。</translation>
    </message>
    <message>
        <source>W instead of Wᵀ in BP2</source>
        <translation>BP2 中用 W 代替了 Wᵀ</translation>
    </message>
    <message>
        <source>You wrote δˡ = (Wˡ⁺¹ δˡ⁺¹) ⊙ f′(zˡ): the error goes back through the transpose, (Wˡ⁺¹)ᵀ δˡ⁺¹.</source>
        <translation>你写成了 δˡ = (Wˡ⁺¹ δˡ⁺¹) ⊙ f′(zˡ)：误差要经过转置传回，(Wˡ⁺¹)ᵀ δˡ⁺¹。</translation>
    </message>
    <message>
        <source>1/m mean dropped</source>
        <translation>漏掉了求均值的 1/m</translation>
    </message>
    <message>
        <source>You summed over the batch: ∂L/∂W = δ (aˡ⁻¹)ᵀ, ∂L/∂b = Σ δ; the loss is a mean, so both need 1/m.</source>
        <translation>你对批次求了和：∂L/∂W = δ (aˡ⁻¹)ᵀ，∂L/∂b = Σ δ；损失是均值，所以两者都需要 1/m。</translation>
    </message>
    <message>
        <source>Update's sign flipped</source>
        <translation>更新的符号反了</translation>
    </message>
    <message>
        <source>You wrote W ← W + η ∂L/∂W, which climbs the loss: gradient descent subtracts, W ← W − η ∂L/∂W.</source>
        <translation>你写成了 W ← W + η ∂L/∂W，这会让损失上升：梯度下降是减去梯度，W ← W − η ∂L/∂W。</translation>
    </message>
    <message>
        <source>δ averaged before BP4</source>
        <translation>在 BP4 之前对 δ 求了均值</translation>
    </message>
    <message>
        <source>You averaged δ over the batch first: ∂L/∂W = mean(δ) mean(aˡ⁻¹)ᵀ; a mean of products is not a product of means, ∂L/∂W = (1/m) δ (aˡ⁻¹)ᵀ.</source>
        <translation>你先对批次上的 δ 求了均值：∂L/∂W = mean(δ) mean(aˡ⁻¹)ᵀ；乘积的均值不等于均值的乘积，∂L/∂W = (1/m) δ (aˡ⁻¹)ᵀ。</translation>
    </message>
    <message>
        <source>∂L/∂a taken as y − a</source>
        <translation>把 ∂L/∂a 当成了 y − a</translation>
    </message>
    <message>
        <source>You took ∇ₐL = y − a: the sign is wrong, ∇ₐL = a − y.</source>
        <translation>你取了 ∇ₐL = y − a：符号错了，∇ₐL = a − y。</translation>
    </message>
    <message>
        <source>½ dropped from the squared error</source>
        <translation>平方误差中漏掉了 ½</translation>
    </message>
    <message>
        <source>You wrote L = ‖y − a‖² but kept ∇ₐL = a − y: without the ½ the gradient is 2(a − y).</source>
        <translation>你写成了 L = ‖y − a‖²，却保留了 ∇ₐL = a − y：没有 ½ 时梯度是 2(a − y)。</translation>
    </message>
    <message>
        <source>The 2 of ‖y − a‖² left out of ∇ₐL</source>
        <translation>∇ₐL 中漏掉了 ‖y − a‖² 的系数 2</translation>
    </message>
    <message>
        <source>You took ∇ₐL = a − y for L = ‖y − a‖², which has no ½: its derivative is ∇ₐL = 2(a − y).</source>
        <translation>对 L = ‖y − a‖² 你取了 ∇ₐL = a − y：这个损失没有 ½，它的导数是 ∇ₐL = 2(a − y)。</translation>
    </message>
    <message>
        <source>1/m applied twice</source>
        <translation>1/m 用了两次</translation>
    </message>
    <message>
        <source>You divided by m twice: ∂L/∂W = δ (aˡ⁻¹)ᵀ / m², ∂L/∂b = Σ δ / m²; the mean takes 1/m once.</source>
        <translation>你除了两次 m：∂L/∂W = δ (aˡ⁻¹)ᵀ / m²，∂L/∂b = Σ δ / m²；求均值只需一次 1/m。</translation>
    </message>
    <message>
        <source>Sum for mean in the loss</source>
        <translation>损失中用求和代替了均值</translation>
    </message>
    <message>
        <source>You summed the samples' losses, L = Σ Lᵢ, while the gradients are those of the mean, L = (1/m) Σ Lᵢ.</source>
        <translation>你对样本的损失求了和，L = Σ Lᵢ，而梯度却是均值 L = (1/m) Σ Lᵢ 的梯度。</translation>
    </message>
    <message>
        <source>Bias forgotten</source>
        <translation>忘了偏置</translation>
    </message>
    <message>
        <source>You wrote zˡ = Wˡ aˡ⁻¹, leaving out the bias: zˡ = Wˡ aˡ⁻¹ + bˡ.</source>
        <translation>你写成了 zˡ = Wˡ aˡ⁻¹，漏掉了偏置：zˡ = Wˡ aˡ⁻¹ + bˡ。</translation>
    </message>
    <message>
        <source>Sign flipped in the sigmoid</source>
        <translation>sigmoid 中的符号反了</translation>
    </message>
    <message>
        <source>You wrote σ(z) = 1/(1 + eᶻ), which is σ(−z): the exponent is negative, σ(z) = 1/(1 + e⁻ᶻ).</source>
        <translation>你写成了 σ(z) = 1/(1 + eᶻ)，这其实是 σ(−z)：指数是负的，σ(z) = 1/(1 + e⁻ᶻ)。</translation>
    </message>
    <message>
        <source>Softmax treated element-wise</source>
        <translation>把 softmax 当成逐元素函数</translation>
    </message>
    <message>
        <source>You used only the diagonal of softmax's Jacobian, f′ = a(1 − a): it is not diagonal, δ = a ⊙ (g − Σ a g) (with cross-entropy, δᴸ = a − y).</source>
        <translation>你只用了 softmax 雅可比矩阵的对角线 f′ = a(1 − a)：它不是对角矩阵，δ = a ⊙ (g − Σ a g)（配合交叉熵时 δᴸ = a − y）。</translation>
    </message>
    <message>
        <source>Product order swapped in BP4</source>
        <translation>BP4 中乘积顺序颠倒</translation>
    </message>
    <message>
        <source>You wrote ∂L/∂W = (1/m) aˡ⁻¹ δᵀ, the transpose: ∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ has the shape of Wˡ.</source>
        <translation>你写成了 ∂L/∂W = (1/m) aˡ⁻¹ δᵀ，这是转置：∂L/∂Wˡ = (1/m) δˡ (aˡ⁻¹)ᵀ 与 Wˡ 形状相同。</translation>
    </message>
    <message>
        <source>The loss is fused with the output layer: BP1 is δᴸ = a − y, with no f′ to leave out.</source>
        <translation>损失与输出层合并计算：BP1 是 δᴸ = a − y，没有可以漏掉的 f′。</translation>
    </message>
    <message>
        <source>The output layer is linear: f′ = 1, so leaving it out changes nothing.</source>
        <translation>输出层是线性的：f′ = 1，漏掉它不会改变任何数值。</translation>
    </message>
    <message>
        <source>A network of one layer has no BP2.</source>
        <translation>只有一层的网络没有 BP2。</translation>
    </message>
    <message>
        <source>The hidden layers are linear: f′ = 1, so leaving it out changes nothing.</source>
        <translation>隐藏层是线性的：f′ = 1，漏掉它不会改变任何数值。</translation>
    </message>
    <message>
        <source>Only sigmoid and tanh have an f′ that differs at a; no layer here multiplies by one.</source>
        <translation>只有 sigmoid 和 tanh 的 f′ 在 a 处取值会不同；这里没有哪一层乘以这样的 f′。</translation>
    </message>
    <message>
        <source>Every W here is 1×1: Wᵀ = W, so the swap changes nothing.</source>
        <translation>这里每个 W 都是 1×1：Wᵀ = W，交换不会改变任何数值。</translation>
    </message>
    <message>
        <source>W{l} is {rows}×{cols}, not square: NumPy refuses W{l} @ δ{l}: “{error}”</source>
        <translation>W{l} 是 {rows}×{cols}，不是方阵：NumPy 拒绝计算 W{l} @ δ{l}：“{error}”</translation>
    </message>
    <message>
        <source>The batches have one sample: m = 1, so the mean changes nothing.</source>
        <translation>每个批次只有一个样本：m = 1，求均值不会改变任何数值。</translation>
    </message>
    <message>
        <source>The loss has no ½ to drop here: it is {loss}.</source>
        <translation>这里的损失没有可以漏掉的 ½：它是{loss}。</translation>
    </message>
    <message>
        <source>The loss has no factor 2 in its gradient here: it is {loss}.</source>
        <translation>这里损失的梯度中没有系数 2：损失是 {loss}。</translation>
    </message>
    <message>
        <source>No layer of this network is a sigmoid.</source>
        <translation>这个网络没有 sigmoid 层。</translation>
    </message>
    <message>
        <source>No layer of this network is a softmax.</source>
        <translation>这个网络没有 softmax 层。</translation>
    </message>
    <message>
        <source>W{l} is {rows}×{cols}, not square: the swapped ∂L/∂W{l} has the shape {cols}×{rows}, and NumPy refuses W{l} -= lr * dW{l}: “{error}”</source>
        <translation>W{l} 是 {rows}×{cols}，不是方阵：颠倒后的 ∂L/∂W{l} 形状为 {cols}×{rows}，NumPy 拒绝计算 W{l} -= lr * dW{l}：“{error}”</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <source>{n}
units</source>
        <translation>{n}
个单元</translation>
    </message>
    <message>
        <source>{n}
inputs</source>
        <translation>{n}
个输入</translation>
    </message>
    <message>
        <source>loss
{v}</source>
        <translation>损失
{v}</translation>
    </message>
    <message>
        <source>values shown: sample 1 of {m}</source>
        <translation>显示的值：样本 1（共 {m} 个）</translation>
    </message>
    <message>
        <source>input · {n} values</source>
        <translation>输入 · {n} 个值</translation>
    </message>
    <message>
        <source>input · 1 value</source>
        <translation>输入 · 1 个值</translation>
    </message>
    <message>
        <source>input
{n} values</source>
        <translation>输入
{n} 个值</translation>
    </message>
    <message>
        <source>{n} units</source>
        <translation>{n} 个单元</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1 个单元</translation>
    </message>
    <message>
        <source>layer {l} · {units} · {f}</source>
        <translation>第 {l} 层 · {units} · {f}</translation>
    </message>
    <message>
        <source>layer {l}
{units} · {f}</source>
        <translation>第 {l} 层
{units} · {f}</translation>
    </message>
    <message>
        <source>ready · next: {stage}</source>
        <translation>就绪 · 下一步：{stage}</translation>
    </message>
    <message>
        <source>→ forward · layer {l}: Z{s} = A{p}W{s} + b{s}, A{s} = {f}(Z{s})</source>
        <translation>→ 前向 · 第 {l} 层：Z{s} = A{p}W{s} + b{s}，A{s} = {f}(Z{s})</translation>
    </message>
    <message>
        <source>→ forward · layer {l}: z{s} = W{s}a{p} + b{s}, a{s} = {f}(z{s})</source>
        <translation>→ 前向 · 第 {l} 层：z{s} = W{s}a{p} + b{s}，a{s} = {f}(z{s})</translation>
    </message>
    <message>
        <source>← backward (δ) · layer {l}: δ{s}, ∂L/∂W{s}, ∂L/∂b{s}</source>
        <translation>← 反向（δ）· 第 {l} 层：δ{s}、∂L/∂W{s}、∂L/∂b{s}</translation>
    </message>
    <message>
        <source>→ loss: L and ∇ₐL at the output</source>
        <translation>→ 损失：输出端的 L 和 ∇ₐL</translation>
    </message>
    <message>
        <source>Adam update: W ← W − η v̂/(√ŝ + ε) (η = {eta})</source>
        <translation>Adam 更新：W ← W − η v̂/(√ŝ + ε)（η = {eta}）</translation>
    </message>
    <message>
        <source>RMSProp update: W ← W − η g/(√s + ε) (η = {eta})</source>
        <translation>RMSProp 更新：W ← W − η g/(√s + ε)（η = {eta}）</translation>
    </message>
    <message>
        <source>update: W ← W − η ∂L/∂W in every layer (η = {eta})</source>
        <translation>更新：每一层执行 W ← W − η ∂L/∂W（η = {eta}）</translation>
    </message>
    <message>
        <source>Batch loss {f}: the mean of the per-sample losses</source>
        <translation>批次损失 {f}：各样本损失的平均值</translation>
    </message>
    <message>
        <source>The inputs a⁰ = x</source>
        <translation>输入 a⁰ = x</translation>
    </message>
    <message>
        <source>Layer {l}: click to select it, right-click to change the network</source>
        <translation>第 {l} 层：单击选中，右键单击修改网络</translation>
    </message>
    <message>
        <source>input x{j} = {v} (sample 1)</source>
        <translation>输入 x{j} = {v}（样本 1）</translation>
    </message>
    <message>
        <source>unit {j} of layer {l}, sample 1</source>
        <translation>第 {l} 层的单元 {j}，样本 1</translation>
    </message>
    <message>
        <source>layer {l}: {n} units</source>
        <translation>第 {l} 层：{n} 个单元</translation>
    </message>
    <message>
        <source>{n} inputs</source>
        <translation>{n} 个输入</translation>
    </message>
    <message>
        <source>sample 1: values from {lo} to {hi}</source>
        <translation>样本 1：取值从 {lo} 到 {hi}</translation>
    </message>
    <message>
        <source>b{s}: from {lo} to {hi}</source>
        <translation>b{s}：从 {lo} 到 {hi}</translation>
    </message>
    <message>
        <source>input x{k}</source>
        <translation>输入 x{k}</translation>
    </message>
    <message>
        <source>unit {k} of layer {p}</source>
        <translation>第 {p} 层的单元 {k}</translation>
    </message>
    <message>
        <source>{name} = {v} ({source} → unit {j} of layer {l})</source>
        <translation>{name} = {v}（{source} → 第 {l} 层的单元 {j}）</translation>
    </message>
    <message>
        <source>W{s} ({r} × {c}): {n} weights from {lo} to {hi}, mean |w| {mabs}</source>
        <translation>W{s}（{r} × {c}）：{n} 个权重，从 {lo} 到 {hi}，平均 |w| 为 {mabs}</translation>
    </message>
    <message>
        <source>b{s}{j} = {v} (bias of unit {u} of layer {l})</source>
        <translation>b{s}{j} = {v}（第 {l} 层单元 {u} 的偏置）</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>binary CE</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>Click anywhere on the diagram to close this note</source>
        <translation>在图上任意处单击即可关闭此提示</translation>
    </message>
    <message>
        <source>+ layer</source>
        <translation>+ 层</translation>
    </message>
    <message>
        <source>Add a hidden layer before the output layer, like the last hidden one (Insert)</source>
        <translation>在输出层之前添加一个隐藏层，与最后一个隐藏层相同（Insert）</translation>
    </message>
    <message>
        <source>Remove the last hidden layer, layer {l} (Delete removes the selected one)</source>
        <translation>移除最后一个隐藏层，即第 {l} 层（Delete 移除所选的层）</translation>
    </message>
    <message>
        <source>− layer</source>
        <translation>− 层</translation>
    </message>
    <message>
        <source>There is no hidden layer to remove</source>
        <translation>没有可移除的隐藏层</translation>
    </message>
    <message>
        <source>One unit fewer in layer {l} (now {n}; key −)</source>
        <translation>第 {l} 层减少一个单元（现有 {n} 个；按键 −）</translation>
    </message>
    <message>
        <source>One unit more in layer {l} (now {n}; key +)</source>
        <translation>第 {l} 层增加一个单元（现有 {n} 个；按键 +）</translation>
    </message>
    <message>
        <source>Remove hidden layer {l} (Delete)</source>
        <translation>移除隐藏层 {l}（Delete）</translation>
    </message>
    <message>
        <source>The activation of layer {l}: choose another (key A)</source>
        <translation>第 {l} 层的激活函数：选择其他（按键 A）</translation>
    </message>
    <message>
        <source>The loss: choose another (key L)</source>
        <translation>损失函数：选择其他（按键 L）</translation>
    </message>
    <message>
        <source>Zoom in on the network</source>
        <translation>放大网络图</translation>
    </message>
    <message>
        <source>Larger units and text on the network diagram (also Ctrl+wheel)</source>
        <translation>网络图上的单元和文字更大（也可用 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom out of the network</source>
        <translation>缩小网络图</translation>
    </message>
    <message>
        <source>Smaller units and text on the network diagram (also Ctrl+wheel)</source>
        <translation>网络图上的单元和文字更小（也可用 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Fit the network to its view</source>
        <translation>网络图适应视图</translation>
    </message>
    <message>
        <source>Scale the network diagram to fill its view</source>
        <translation>缩放网络图以填满其视图</translation>
    </message>
</context>
<context>
    <name>NetworkForm</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Input size n⁰</source>
        <translation>输入大小 n⁰</translation>
    </message>
    <message>
        <source>The loss per sample, L(a, y); the loss of a batch is the mean over its m samples. The backward pass starts from ∇ₐL.
½‖y − a‖²: ∇ₐL = a − y.   ‖a − y‖² (no ½, as in 3Blue1Brown): ∇ₐL = 2(a − y).
cross-entropy −Σᵢ yᵢ log aᵢ needs a softmax output; binary cross-entropy needs a sigmoid output. With those pairs δᴸ = a − y.</source>
        <translation>每个样本的损失 L(a, y)；一个批次的损失是其 m 个样本的平均值。反向传播从 ∇ₐL 开始。
½‖y − a‖²：∇ₐL = a − y。   ‖a − y‖²（不带 ½，与 3Blue1Brown 相同）：∇ₐL = 2(a − y)。
交叉熵 −Σᵢ yᵢ log aᵢ 需要 softmax 输出层；二元交叉熵需要 sigmoid 输出层。按这样搭配时 δᴸ = a − y。</translation>
    </message>
    <message>
        <source>L&amp;oss</source>
        <translation>损失(&amp;O)</translation>
    </message>
    <message>
        <source>Starting weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>How W starts; biases start at 0. Random draws are seeded by the seed below.
xavier: Wˡ ~ U(±√(6/(nˡ⁻¹+nˡ))).  he: Wˡ ~ N(0, 2/nˡ⁻¹).  small uniform: Wˡ ~ U(−scale, +scale).  zeros: Wˡ = 0.
explicit is offered only when the project holds its own starting weights.</source>
        <translation>W 的初始值如何产生；偏置从 0 开始。随机抽取由下面的随机种子决定。
xavier：Wˡ ~ U(±√(6/(nˡ⁻¹+nˡ)))。  he：Wˡ ~ N(0, 2/nˡ⁻¹)。  小范围均匀：Wˡ ~ U(−scale, +scale)。  全零：Wˡ = 0。
只有当项目自带初始权重时才提供“显式指定”。</translation>
    </message>
    <message>
        <source>&amp;Initialiser</source>
        <translation>初始化(&amp;I)</translation>
    </message>
    <message>
        <source>The half-width of small uniform: Wˡ ~ U(−scale, +scale). Only small uniform uses it.</source>
        <translation>小范围均匀分布的半宽：Wˡ ~ U(−scale, +scale)。只有“小范围均匀”使用它。</translation>
    </message>
    <message>
        <source>S&amp;cale</source>
        <translation>范围(&amp;C)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>η, the learning rate, a number &gt; 0. Every update does W ← W − η ∂L/∂W and b ← b − η ∂L/∂b.
Too small and the loss falls slowly; too large and it jumps about or grows. Press Enter to apply.</source>
        <translation>η，即学习率，一个 &gt; 0 的数。每次更新执行 W ← W − η ∂L/∂W 和 b ← b − η ∂L/∂b。
太小则损失下降缓慢；太大则损失来回跳动或不断增大。按 Enter 应用。</translation>
    </message>
    <message>
        <source>Learning &amp;rate η</source>
        <translation>学习率 η(&amp;R)</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>&amp;Batch size m</source>
        <translation>批大小 m(&amp;B)</translation>
    </message>
    <message>
        <source>E&amp;pochs</source>
        <translation>轮数(&amp;P)</translation>
    </message>
    <message>
        <source>Seeds the random starting weights (unused with explicit weights) and the order of the samples in each epoch. The same seed gives a bit-identical run.</source>
        <translation>为随机初始权重（使用显式指定权重时不起作用）以及每轮中样本的顺序设定随机种子。相同的种子会得到逐位完全相同的运行结果。</translation>
    </message>
    <message>
        <source>See&amp;d</source>
        <translation>随机种子(&amp;D)</translation>
    </message>
    <message>
        <source>Reshuffle the samples at the start of every epoch, so the mini-batches differ from epoch to epoch. The full batch is never shuffled (its mean does not depend on the order).</source>
        <translation>在每轮开始时重新打乱样本顺序，使各轮的小批量各不相同。全批量从不打乱（其平均值与顺序无关）。</translation>
    </message>
    <message>
        <source>μ, momentum, from 0 up to (not including) 1. Each update keeps a velocity per weight:
v ← μv − η(∂L/∂W + λW),  W ← W + v  (v starts at 0).
The steps accumulate along directions the gradient keeps pointing to, which speeds up long valleys. 0 is plain gradient descent, W ← W − η ∂L/∂W.</source>
        <translation>μ，即动量，取值从 0 到 1（不含 1）。每次更新为每个权重保留一个速度：
v ← μv − η(∂L/∂W + λW)，  W ← W + v  （v 从 0 开始）。
沿梯度持续指向的方向，步长会不断累积，从而加快穿越狭长山谷的速度。0 即普通梯度下降，W ← W − η ∂L/∂W。</translation>
    </message>
    <message>
        <source>&amp;Momentum μ</source>
        <translation>动量 μ(&amp;M)</translation>
    </message>
    <message>
        <source>λ, L2 weight decay, a number ≥ 0. The loss gets (λ/2)‖W‖² added, so each update uses ∂L/∂W + λW and pulls every weight towards 0 (biases are not decayed). The panels show BP4's ∂L/∂W and the loss curves show the data loss, both without the λ term. 0 turns it off. Press Enter to apply.</source>
        <translation>λ，即 L2 权重衰减，一个 ≥ 0 的数。损失会加上 (λ/2)‖W‖²，因此每次更新使用 ∂L/∂W + λW，把每个权重拉向 0（偏置不衰减）。各面板显示的 BP4 的 ∂L/∂W 和损失曲线显示的数据损失都不含 λ 项。设为 0 即关闭。按 Enter 应用。</translation>
    </message>
    <message>
        <source>L&amp;2 decay λ</source>
        <translation>L2 衰减 λ(&amp;2)</translation>
    </message>
    <message>
        <source>n⁰ = {n}, the number of values in each sample x. It is fixed by the data (every sample has {n} values), so it cannot be changed here.</source>
        <translation>n⁰ = {n}，即每个样本 x 中值的个数。它由数据决定（每个样本都有 {n} 个值），因此不能在这里修改。</translation>
    </message>
    <message>
        <source>Data: {generator} generator, {n} samples</source>
        <translation>数据：{generator} 生成器，{n} 个样本</translation>
    </message>
    <message>
        <source>Data: one sample</source>
        <translation>数据：一个样本</translation>
    </message>
    <message>
        <source>Data: a table of {n} samples</source>
        <translation>数据：包含 {n} 个样本的表格</translation>
    </message>
    <message>
        <source>m, the samples per iteration (this data has N = {n}). The batch loss is the mean over its m samples, L = (1/m) Σᵢ Lᵢ, and ∂L/∂Wˡ = (1/m) δˡ (Aˡ⁻¹)ᵀ, while δ stays per sample.
1 = stochastic gradient descent; full batch (0, or any m ≥ N) = all N samples every iteration.</source>
        <translation>m，每次迭代使用的样本数（此数据的 N = {n}）。批次损失是其 m 个样本的平均值，L = (1/m) Σᵢ Lᵢ，且 ∂L/∂Wˡ = (1/m) δˡ (Aˡ⁻¹)ᵀ，而 δ 仍按样本计算。
1 = 随机梯度下降；全批量（0，或任意 m ≥ N）= 每次迭代使用全部 N 个样本。</translation>
    </message>
    <message>
        <source>How many epochs a training run takes. One epoch passes over every sample once: ⌈N / m⌉ = {k} iteration(s) here.</source>
        <translation>一次训练运行包含多少轮。一轮会把每个样本遍历一次：此处为 ⌈N / m⌉ = {k} 次迭代。</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>未更改：{reason}</translation>
    </message>
    <message>
        <source>The layer sizes changed, so the explicit starting weights no longer fit: they were dropped and the weights now start from xavier initialisation.</source>
        <translation>层的大小已改变，显式指定的初始权重不再适用：它们已被丢弃，权重现在改由 xavier 初始化。</translation>
    </message>
    <message>
        <source>The explicit starting weights were dropped: the weights now start from {method}.</source>
        <translation>显式指定的初始权重已被丢弃：权重现在改由 {method} 初始化。</translation>
    </message>
    <message>
        <source>Set layer {l} units to {n}</source>
        <translation>将第 {l} 层的单元数设为 {n}</translation>
    </message>
    <message>
        <source>To remove hidden layer {l}, use its ✕ (Remove layer) button.</source>
        <translation>要移除隐藏层 {l}，请使用它的 ✕（移除层）按钮。</translation>
    </message>
    <message>
        <source>a layer needs at least 1 unit; layer {l} keeps {n}.</source>
        <translation>每层至少需要 1 个单元；第 {l} 层保持 {n} 个。</translation>
    </message>
    <message>
        <source>the output layer has one unit per target value, so its size follows the data.</source>
        <translation>输出层每个目标值对应一个单元，所以它的大小由数据决定。</translation>
    </message>
    <message>
        <source>With 2 classes the output has 1 unit (0/1 targets, sigmoid) or 2 units (one-hot targets, softmax).</source>
        <translation>有 2 个类别时，输出层为 1 个单元（0/1 目标，sigmoid）或 2 个单元（one-hot 目标，softmax）。</translation>
    </message>
    <message>
        <source>The data has {k} classes, so the output has {k} units (one-hot targets); choose other data on the Data tab to change it.</source>
        <translation>数据有 {k} 个类别，所以输出层有 {k} 个单元（one-hot 目标）；要改变它，请在“数据”标签页选择其他数据。</translation>
    </message>
    <message>
        <source>Each target is a single value; choose other data on the Data tab to change it.</source>
        <translation>每个目标是单个数值；要改变它，请在“数据”标签页选择其他数据。</translation>
    </message>
    <message>
        <source>Each target has {n} values; choose other data on the Data tab to change it.</source>
        <translation>每个目标有 {n} 个数值；要改变它，请在“数据”标签页选择其他数据。</translation>
    </message>
    <message>
        <source>Set layer {l} activation to {name}</source>
        <translation>将第 {l} 层的激活函数设为 {name}</translation>
    </message>
    <message>
        <source>Also changed, so that the output, the loss and the targets fit together: {changes}.</source>
        <translation>为使输出、损失和目标相互匹配，还更改了：{changes}。</translation>
    </message>
    <message>
        <source>the output layer to {n} units (one-hot targets)</source>
        <translation>输出层改为 {n} 个单元（one-hot 目标）</translation>
    </message>
    <message>
        <source>the output layer to 1 unit (0/1 targets)</source>
        <translation>输出层改为 1 个单元（0/1 目标）</translation>
    </message>
    <message>
        <source>the output activation to {name}</source>
        <translation>输出激活函数改为 {name}</translation>
    </message>
    <message>
        <source>the loss to {loss}</source>
        <translation>损失函数改为 {loss}</translation>
    </message>
    <message>
        <source>Softmax gives one probability per class (one-hot targets, 2 or more units); these targets are single values, so choose class data on the Data tab, or keep a sigmoid or linear output with ½‖y − a‖².</source>
        <translation>softmax 为每个类别给出一个概率（one-hot 目标，2 个或更多单元）；这里的目标是单个数值，所以请在“数据”标签页选择分类数据，或保留 sigmoid 或线性输出并使用 ½‖y − a‖²。</translation>
    </message>
    <message>
        <source>{loss} compares probabilities with class targets between 0 and 1; for these targets choose ½‖y − a‖², or choose class data on the Data tab.</source>
        <translation>{loss} 将概率与 0 到 1 之间的类别目标比较；对这些目标请选择 ½‖y − a‖²，或在“数据”标签页选择分类数据。</translation>
    </message>
    <message>
        <source>Add hidden layer {l}</source>
        <translation>添加隐藏层 {l}</translation>
    </message>
    <message>
        <source>the output layer cannot be removed.</source>
        <translation>输出层不能移除。</translation>
    </message>
    <message>
        <source>Remove a hidden layer instead (its ✕ button), or change the output's units.</source>
        <translation>请改为移除一个隐藏层（它的 ✕ 按钮），或更改输出层的单元数。</translation>
    </message>
    <message>
        <source>Remove layer {l}</source>
        <translation>删除第 {l} 层</translation>
    </message>
    <message>
        <source>Move layer {l} up</source>
        <translation>上移第 {l} 层</translation>
    </message>
    <message>
        <source>Move layer {l} down</source>
        <translation>下移第 {l} 层</translation>
    </message>
    <message>
        <source>Insert hidden layer {l}</source>
        <translation>插入隐藏层 {l}</translation>
    </message>
    <message>
        <source>Set loss to {loss}</source>
        <translation>将损失函数设为 {loss}</translation>
    </message>
    <message>
        <source>Set initialiser to {method}</source>
        <translation>将初始化方法设为 {method}</translation>
    </message>
    <message>
        <source>Set initialiser scale to {scale}</source>
        <translation>将初始化范围设为 {scale}</translation>
    </message>
    <message>
        <source>the learning rate η must be a finite number greater than 0, such as 0.5 or 1e-3 (not “{text}”).</source>
        <translation>学习率 η 必须是大于 0 的有限数，例如 0.5 或 1e-3（而不是“{text}”）。</translation>
    </message>
    <message>
        <source>Set learning rate to {eta}</source>
        <translation>将学习率设为 {eta}</translation>
    </message>
    <message>
        <source>Set momentum to {mu}</source>
        <translation>将动量设为 {mu}</translation>
    </message>
    <message>
        <source>the L2 decay λ must be a finite number ≥ 0, such as 0 or 1e-4 (not “{text}”).</source>
        <translation>L2 衰减 λ 必须是 ≥ 0 的有限数，例如 0 或 1e-4（而不是“{text}”）。</translation>
    </message>
    <message>
        <source>Set L2 decay to {lam}</source>
        <translation>将 L2 衰减设为 {lam}</translation>
    </message>
    <message>
        <source>Use the full batch</source>
        <translation>使用全批量</translation>
    </message>
    <message>
        <source>Set batch size to {m}</source>
        <translation>将批大小设为 {m}</translation>
    </message>
    <message>
        <source>Set epochs to {n}</source>
        <translation>将轮数设为 {n}</translation>
    </message>
    <message>
        <source>Set seed to {seed}</source>
        <translation>将随机种子设为 {seed}</translation>
    </message>
    <message>
        <source>Shuffle ever&amp;y epoch</source>
        <translation>每轮打乱顺序(&amp;Y)</translation>
    </message>
    <message>
        <source>Turn shuffling on</source>
        <translation>开启打乱顺序</translation>
    </message>
    <message>
        <source>Turn shuffling off</source>
        <translation>关闭打乱顺序</translation>
    </message>
    <message>
        <source>SGD (gradient descent)</source>
        <translation>SGD（梯度下降）</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>W ← W − η ∂L/∂W, with momentum μ when μ &gt; 0: v ← μv − η∂L/∂W, W ← W + v.</source>
        <translation>W ← W − η ∂L/∂W；μ &gt; 0 时带动量 μ：v ← μv − η∂L/∂W，W ← W + v。</translation>
    </message>
    <message>
        <source>s ← αs + (1 − α)g²,  W ← W − η g / (√s + ε): each weight's step is divided by the root mean square of its recent gradients.</source>
        <translation>s ← αs + (1 − α)g²，W ← W − η g / (√s + ε)：每个权重的步长除以它最近梯度的均方根。</translation>
    </message>
    <message>
        <source>v ← β₁v + (1 − β₁)g,  s ← β₂s + (1 − β₂)g²,  W ← W − η v̂ / (√ŝ + ε) with the bias corrections v̂ = v/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ): momentum and RMSProp together.</source>
        <translation>v ← β₁v + (1 − β₁)g，s ← β₂s + (1 − β₂)g²，W ← W − η v̂ / (√ŝ + ε)，其中偏差修正 v̂ = v/(1 − β₁ᵗ)，ŝ = s/(1 − β₂ᵗ)：动量与 RMSProp 的结合。</translation>
    </message>
    <message>
        <source>How each update uses the gradient g = ∂L/∂W + λW (the biases' g is ∂L/∂b). SGD is plain gradient descent (with momentum μ if set); RMSProp divides each step by the root mean square of recent gradients; Adam adds momentum to that. The same rules as torch.optim.SGD, RMSprop and Adam.
RMSProp and Adam take much smaller learning rates than plain descent (such as 0.001 to 0.01).</source>
        <translation>每次更新如何使用梯度 g = ∂L/∂W + λW（偏置的 g 是 ∂L/∂b）。SGD 是普通梯度下降（设置了 μ 时带动量）；RMSProp 把每一步除以最近梯度的均方根；Adam 在此基础上再加上动量。规则与 torch.optim.SGD、RMSprop 和 Adam 相同。
RMSProp 和 Adam 需要比普通梯度下降小得多的学习率（例如 0.001 到 0.01）。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>{name} must be a finite number from 0 up to (not including) 1, such as {example} (not “{{text}}”).</source>
        <translation>{name} 必须是从 0 到 1（不含 1）的有限数，例如 {example}（而不是“{{text}}”）。</translation>
    </message>
    <message>
        <source>β₁, the decay of Adam's mean of gradients v ← β₁v + (1 − β₁)g, from 0 up to 1 (PyTorch's default 0.9). Press Enter to apply.</source>
        <translation>β₁，Adam 梯度均值 v ← β₁v + (1 − β₁)g 的衰减率，从 0 到 1（PyTorch 默认 0.9）。按回车应用。</translation>
    </message>
    <message>
        <source>Adam β₁</source>
        <translation>Adam β₁</translation>
    </message>
    <message>
        <source>Set Adam β₁ to {value}</source>
        <translation>将 Adam β₁ 设为 {value}</translation>
    </message>
    <message>
        <source>β₂, the decay of Adam's mean of squared gradients s ← β₂s + (1 − β₂)g², from 0 up to 1 (PyTorch's default 0.999). Press Enter to apply.</source>
        <translation>β₂，Adam 梯度平方均值 s ← β₂s + (1 − β₂)g² 的衰减率，从 0 到 1（PyTorch 默认 0.999）。按回车应用。</translation>
    </message>
    <message>
        <source>Adam β₂</source>
        <translation>Adam β₂</translation>
    </message>
    <message>
        <source>Set Adam β₂ to {value}</source>
        <translation>将 Adam β₂ 设为 {value}</translation>
    </message>
    <message>
        <source>α, the decay of RMSProp's mean of squared gradients s ← αs + (1 − α)g², from 0 up to 1 (PyTorch's default 0.99; Ng's course calls it β). Press Enter to apply.</source>
        <translation>α，RMSProp 梯度平方均值 s ← αs + (1 − α)g² 的衰减率，从 0 到 1（PyTorch 默认 0.99；吴恩达的课程称之为 β）。按回车应用。</translation>
    </message>
    <message>
        <source>RMSProp α</source>
        <translation>RMSProp α</translation>
    </message>
    <message>
        <source>Set RMSProp α to {value}</source>
        <translation>将 RMSProp α 设为 {value}</translation>
    </message>
    <message>
        <source>ε, added to √s so that a weight whose gradients were all 0 is not divided by 0; a number &gt; 0 (PyTorch's default 1e-8). Press Enter to apply.</source>
        <translation>ε，加在 √s 上，使梯度一直为 0 的权重不会被 0 除；一个 &gt; 0 的数（PyTorch 默认 1e-8）。按回车应用。</translation>
    </message>
    <message>
        <source>Epsilon ε</source>
        <translation>小常数 ε</translation>
    </message>
    <message>
        <source>ε must be a finite number greater than 0, such as 1e-8 (not “{text}”).</source>
        <translation>ε 必须是大于 0 的有限数，例如 1e-8（而不是“{text}”）。</translation>
    </message>
    <message>
        <source>Set ε to {value}</source>
        <translation>将 ε 设为 {value}</translation>
    </message>
    <message>
        <source>Use the optimizer {name}</source>
        <translation>使用优化器 {name}</translation>
    </message>
</context>
<context>
    <name>NetworkLabels</name>
    <message>
        <source>sigmoid σ</source>
        <translation>sigmoid σ</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>Output layer only, with at least 2 units (with 1 unit it always gives 1).</source>
        <translation>仅用于输出层，且至少需要 2 个单元（只有 1 个单元时输出恒为 1）。</translation>
    </message>
    <message>
        <source>½‖y − a‖²</source>
        <translation>½‖y − a‖²</translation>
    </message>
    <message>
        <source>‖a − y‖² (no ½)</source>
        <translation>‖a − y‖²（不带 ½）</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>Needs a {activation} output layer; then δᴸ = a − y.</source>
        <translation>需要 {activation} 输出层；此时 δᴸ = a − y。</translation>
    </message>
    <message>
        <source>xavier</source>
        <translation>xavier</translation>
    </message>
    <message>
        <source>he</source>
        <translation>he</translation>
    </message>
    <message>
        <source>small uniform</source>
        <translation>小范围均匀</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>explicit</source>
        <translation>显式指定</translation>
    </message>
    <message>
        <source>Xavier (Glorot) uniform: Wˡ ~ U(−√(6/(nˡ⁻¹+nˡ)), +√(6/(nˡ⁻¹+nˡ))), biases 0. Suits sigmoid and tanh.</source>
        <translation>Xavier (Glorot) 均匀分布：Wˡ ~ U(−√(6/(nˡ⁻¹+nˡ)), +√(6/(nˡ⁻¹+nˡ)))，偏置为 0。适合 sigmoid 和 tanh。</translation>
    </message>
    <message>
        <source>He normal: Wˡ ~ N(0, 2/nˡ⁻¹), biases 0. Suits ReLU.</source>
        <translation>He 正态分布：Wˡ ~ N(0, 2/nˡ⁻¹)，偏置为 0。适合 ReLU。</translation>
    </message>
    <message>
        <source>Wˡ ~ U(−scale, +scale), biases 0.</source>
        <translation>Wˡ ~ U(−scale, +scale)，偏置为 0。</translation>
    </message>
    <message>
        <source>Wˡ = 0, biases 0. Every unit of a layer then stays identical (the symmetry is never broken): instructive, but the network cannot learn.</source>
        <translation>Wˡ = 0，偏置为 0。这样同一层的所有单元会始终保持相同（对称性永远不会被打破）：很有启发性，但网络无法学习。</translation>
    </message>
    <message>
        <source>The weights written in the project file; Reset returns to them.</source>
        <translation>项目文件中写明的权重；重置会回到这些权重。</translation>
    </message>
</context>
<context>
    <name>NotationMenu</name>
    <message>
        <source>&amp;Notation</source>
        <translation>记法(&amp;N)</translation>
    </message>
    <message>
        <source>Column convention (Wˡ aˡ⁻¹, samples as columns)</source>
        <translation>列约定（Wˡ aˡ⁻¹，样本按列排列）</translation>
    </message>
    <message>
        <source>Wˡ is nˡ × nˡ⁻¹ and each sample is a column: zˡ = Wˡ aˡ⁻¹ + bˡ, BP2 δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ) (seeds 000, 002, Nielsen, Ng)</source>
        <translation>Wˡ 为 nˡ × nˡ⁻¹，每个样本是一列：zˡ = Wˡ aˡ⁻¹ + bˡ，BP2 δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f′(zˡ)（参考文章 000、002，Nielsen，Ng）</translation>
    </message>
    <message>
        <source>Row convention (A W, samples as rows)</source>
        <translation>行约定（A W，样本按行排列）</translation>
    </message>
    <message>
        <source>W is nˡ⁻¹ × nˡ and each sample is a row: Zˡ = Aˡ⁻¹ Wˡ + bˡ, BP2 δˡ = (δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ f′(zˡ) (seed 001, framework code). The same numbers, transposed</source>
        <translation>W 为 nˡ⁻¹ × nˡ，每个样本是一行：Zˡ = Aˡ⁻¹ Wˡ + bˡ，BP2 δˡ = (δˡ⁺¹ (Wˡ⁺¹)ᵀ) ⊙ f′(zˡ)（参考文章 001、框架代码）。数值相同，只是转置</translation>
    </message>
    <message>
        <source>deeplearning.ai notation (W^[l], dZ^[l], samples as columns)</source>
        <translation>deeplearning.ai 记法（W^[l]、dZ^[l]，样本为列）</translation>
    </message>
    <message>
        <source>As seed 002 and Andrew Ng's course write it: samples are columns, Z^[l] = W^[l] A^[l−1] + b^[l], A^[l] = g^[l](Z^[l]), derivatives dZ^[l], dW^[l], db^[l], dA^[l], learning rate α. The column convention's numbers, renamed</source>
        <translation>按种子 002 和吴恩达课程的写法：样本为列，Z^[l] = W^[l] A^[l−1] + b^[l]，A^[l] = g^[l](Z^[l])，导数 dZ^[l]、dW^[l]、db^[l]、dA^[l]，学习率 α。数值与列约定相同，只是换了名字</translation>
    </message>
    <message>
        <source>Switch notation</source>
        <translation>切换记法</translation>
    </message>
    <message>
        <source>Go to the next notation: column, row, deeplearning.ai ({key})</source>
        <translation>切换到下一种记法：列约定、行约定、deeplearning.ai（{key}）</translation>
    </message>
    <message>
        <source>Row convention: samples as rows, W is nˡ⁻¹ × nˡ</source>
        <translation>行约定：样本按行排列，W 为 nˡ⁻¹ × nˡ</translation>
    </message>
    <message>
        <source>deeplearning.ai notation: samples as columns, W^[l] is n^[l] × n^[l−1], dZ^[l] = dA^[l] ⊙ g^[l]′(Z^[l])</source>
        <translation>deeplearning.ai 记法：样本为列，W^[l] 为 n^[l] × n^[l−1]，dZ^[l] = dA^[l] ⊙ g^[l]′(Z^[l])</translation>
    </message>
    <message>
        <source>Column convention: samples as columns, Wˡ is nˡ × nˡ⁻¹</source>
        <translation>列约定：样本按列排列，Wˡ 为 nˡ × nˡ⁻¹</translation>
    </message>
</context>
<context>
    <name>Nudge</name>
    <message>
        <source>the bias of unit {j} of layer {l}</source>
        <translation>第 {l} 层单元 {j} 的偏置</translation>
    </message>
    <message>
        <source>{name}: {before} → {after}</source>
        <translation>{name}：{before} → {after}</translation>
    </message>
    <message>
        <source>{name} for sample {s}: {before} → {after}</source>
        <translation>样本 {s} 的 {name}：{before} → {after}</translation>
    </message>
    <message>
        <source>the other {n} units of layer {l}</source>
        <translation>第 {l} 层的其余 {n} 个单元</translation>
    </message>
    <message>
        <source>Only the z of unit {j} has {name} in its sum: the other units of layer {l} do not move.</source>
        <translation>只有单元 {j} 的 z 的求和中含有 {name}：第 {l} 层的其余单元不变。</translation>
    </message>
    <message>
        <source>… {n} more units of layer {l}</source>
        <translation>… 第 {l} 层另有 {n} 个单元</translation>
    </message>
    <message>
        <source>largest |Δ| shown</source>
        <translation>只列出 |Δ| 最大的</translation>
    </message>
    <message>
        <source>Every unit of layer {l} moves: the nudge reaches it through the units below. The {k} that moved most for this sample are shown.</source>
        <translation>第 {l} 层的每个单元都会变：微扰经由下面的单元传到它们。这里列出对这个样本变化最大的 {k} 个。</translation>
    </message>
    <message>
        <source>L of sample {s}</source>
        <translation>样本 {s} 的 L</translation>
    </message>
    <message>
        <source>this sample's loss: {before} → {after}</source>
        <translation>这个样本的损失：{before} → {after}</translation>
    </message>
    <message>
        <source>L, batch mean</source>
        <translation>L，批次平均</translation>
    </message>
    <message>
        <source>the batch loss (mean over {m} samples): {before} → {after}</source>
        <translation>批次损失（{m} 个样本的平均）：{before} → {after}</translation>
    </message>
    <message>
        <source>ΔL = {dl}   (a forward pass with {name} + Δ)</source>
        <translation>ΔL = {dl}   （用 {name} + Δ 做一次前向传播）</translation>
    </message>
    <message>
        <source>(∂L/∂{name})·Δ = {g} × {d} = {p}   (the chain rule)</source>
        <translation>(∂L/∂{name})·Δ = {g} × {d} = {p}   （链式法则）</translation>
    </message>
    <message>
        <source>difference {e}: it shrinks faster than Δ (like Δ²)</source>
        <translation>差 {e}：它比 Δ 缩小得更快（像 Δ² 一样）</translation>
    </message>
</context>
<context>
    <name>NudgeView</name>
    <message>
        <source>Type Δ, the nudge (such as 0.1, −0.5 or 2e-3), and press Enter.</source>
        <translation>输入微扰 Δ（例如 0.1、−0.5 或 2e-3），然后按 Enter。</translation>
    </message>
    <message>
        <source>How far the slider and the plot reach on each side of 0</source>
        <translation>滑块和图在 0 两侧各延伸多远</translation>
    </message>
    <message>
        <source>The sample whose z, a and loss the chain shows</source>
        <translation>链上显示哪个样本的 z、a 和损失</translation>
    </message>
    <message>
        <source>Drag to nudge: Δ from −range to +range</source>
        <translation>拖动来微扰：Δ 从 −范围 到 +范围</translation>
    </message>
    <message>
        <source>The true ΔL (blue line) and the chain rule's (∂L/∂w)·Δ (orange dashes, the tangent at Δ = 0) against Δ; the dot is the Δ shown. Press or drag to pick Δ.</source>
        <translation>真实的 ΔL（蓝线）和链式法则给出的 (∂L/∂w)·Δ（橙色虚线，Δ = 0 处的切线）随 Δ 的变化；圆点是当前的 Δ。按下或拖动来选 Δ。</translation>
    </message>
    <message>
        <source>Nothing here changes the project or the training: every nudge is a forward pass on a copy.</source>
        <translation>这里的操作不会改变项目或训练：每次微扰都是在副本上做一次前向传播。</translation>
    </message>
    <message>
        <source>Δ =</source>
        <translation>Δ =</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Type a number for Δ first, such as 0.1.</source>
        <translation>请先为 Δ 输入一个数，例如 0.1。</translation>
    </message>
    <message>
        <source>“{text}” is not a number. Type one such as 0.1 or −2e-3.</source>
        <translation>“{text}”不是一个数。请输入例如 0.1 或 −2e-3 这样的数。</translation>
    </message>
    <message>
        <source>Δ must be a finite number, not NaN or infinity. Δ stays {delta}.</source>
        <translation>Δ 必须是有限数，不能是 NaN 或无穷大。Δ 仍为 {delta}。</translation>
    </message>
    <message>
        <source>Δ = {value} is too large: a nudge is at most ±{limit}. Δ stays {delta}.</source>
        <translation>Δ = {value} 太大了：微扰最多为 ±{limit}。Δ 仍为 {delta}。</translation>
    </message>
    <message>
        <source>Nudge {name} = {value}</source>
        <translation>微扰 {name} = {value}</translation>
    </message>
    <message>
        <source>along the chain</source>
        <translation>沿着链</translation>
    </message>
    <message>
        <source>Δ, sample {s}</source>
        <translation>Δ，样本 {s}</translation>
    </message>
    <message>
        <source>Δ, batch mean</source>
        <translation>Δ，批次平均</translation>
    </message>
</context>
<context>
    <name>NumpyExport</name>
    <message>
        <source>the NumPy script would be {size} MB with this data, more than {limit} MB</source>
        <translation>用这些数据，NumPy 脚本会有 {size} MB，超过了 {limit} MB 的上限</translation>
    </message>
</context>
<context>
    <name>OpenExerciseDialog</name>
    <message>
        <source>Open exercise</source>
        <translation>打开练习</translation>
    </message>
    <message>
        <source>Type the code printed beside an exercise on its sheet. BP Studio opens exactly that variant: its network, its sample and its weights, one training step to take stage by stage while you check your answers against the panels.</source>
        <translation>输入练习卷上每道练习旁印的代码。BP Studio 会准确打开那个变体：它的网络、样本和权重，以及一步训练，你可以逐个阶段执行，对照面板核对答案。</translation>
    </message>
    <message>
        <source>The exercise's code, as on the sheet; letters in either case</source>
        <translation>练习代码，与练习卷上的相同；字母大小写均可</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>代码(&amp;C)：</translation>
    </message>
    <message>
        <source>A code looks like {example}.</source>
        <translation>代码形如 {example}。</translation>
    </message>
    <message>
        <source>Exercise {index} of the sheet with seed {seed}: network {sizes}; to compute: {parts}.</source>
        <translation>种子为 {seed} 的练习卷中的第 {index} 道练习：网络 {sizes}；要计算：{parts}。</translation>
    </message>
</context>
<context>
    <name>ParameterEditCommand</name>
    <message>
        <source>Set {symbol} to {value}</source>
        <translation>将 {symbol} 设为 {value}</translation>
    </message>
</context>
<context>
    <name>ParameterEditor</name>
    <message>
        <source>new value, e.g. 0.25</source>
        <translation>新值，例如 0.25</translation>
    </message>
    <message>
        <source>Type a number (such as 0.25, −1.5 or 2e-3) and press Enter.</source>
        <translation>输入一个数（例如 0.25、−1.5 或 2e-3），然后按 Enter。</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Use this value from the current iteration on (Enter). Undo restores the old value.</source>
        <translation>从当前迭代起使用这个值（Enter）。撤销可恢复原值。</translation>
    </message>
    <message>
        <source>input x{k}</source>
        <translation>输入 x{k}</translation>
    </message>
    <message>
        <source>unit {k} of layer {p}</source>
        <translation>第 {p} 层的单元 {k}</translation>
    </message>
    <message>
        <source>Row {k}, column {j} of W{l} in the row convention (n{p} × n{l}, the transpose of the column convention's W{l}): the weight from {source} to unit {j} of layer {layer}.</source>
        <translation>行约定下 W{l} 的第 {k} 行、第 {j} 列（n{p} × n{l}，即列约定中 W{l} 的转置）：从{source} 到第 {layer} 层单元 {j} 的权重。</translation>
    </message>
    <message>
        <source>The weight from input x{k} to unit {j} of layer 1.</source>
        <translation>从输入 x{k} 到第 1 层单元 {j} 的权重。</translation>
    </message>
    <message>
        <source>The weight from unit {k} of layer {p} to unit {j} of layer {l}.</source>
        <translation>从第 {p} 层单元 {k} 到第 {l} 层单元 {j} 的权重。</translation>
    </message>
    <message>
        <source>The bias of unit {j} of layer {l}.</source>
        <translation>第 {l} 层单元 {j} 的偏置。</translation>
    </message>
    <message>
        <source>current value {value}</source>
        <translation>当前值 {value}</translation>
    </message>
    <message>
        <source>Type a number first, such as 0.25.</source>
        <translation>请先输入一个数，例如 0.25。</translation>
    </message>
    <message>
        <source>“{text}” is not a number. Type one such as 0.25 or −1.5e-3.</source>
        <translation>“{text}”不是一个数。请输入例如 0.25 或 −1.5e-3 这样的数。</translation>
    </message>
    <message>
        <source>A weight must be a finite number, not NaN or infinity.</source>
        <translation>权重必须是有限数，不能是 NaN 或无穷大。</translation>
    </message>
</context>
<context>
    <name>PlotStyle</name>
    <message>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Plot against completed iterations (one per mini-batch) or epochs (passes over the whole training set)</source>
        <translation>以已完成的迭代次数（每个小批量一次）或轮数（遍历整个训练集的次数）为横轴绘图</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <source>must be an object with a generator, a dataset, or x and y</source>
        <translation>必须是包含 generator、dataset 或 x 和 y 的对象</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be true or false, got {value!r}</source>
        <translation>必须是 true 或 false，实际为 {value!r}</translation>
    </message>
    <message>
        <source>needs a generator, a dataset, or inline x and y</source>
        <translation>需要 generator、dataset 或内嵌的 x 和 y</translation>
    </message>
    <message>
        <source>must be a list of names</source>
        <translation>必须是名称列表</translation>
    </message>
    <message>
        <source>rows have {count} values, but the network's input size is {size}</source>
        <translation>每行有 {count} 个值，但网络的输入大小为 {size}</translation>
    </message>
    <message>
        <source>rows have {count} values, but the output layer has {units} units</source>
        <translation>每行有 {count} 个值，但输出层有 {units} 个单元</translation>
    </message>
    <message>
        <source>{targets} target rows for {inputs} input rows</source>
        <translation>{inputs} 行输入对应 {targets} 行目标</translation>
    </message>
    <message>
        <source>must be a number from 0 up to (not including) 1, got {value!r}</source>
        <translation>必须是从 0 到 1（不含 1）的数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 0, got {value!r}</source>
        <translation>必须是 ≥ 0 的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a non-empty list of rows</source>
        <translation>必须是非空的行列表</translation>
    </message>
    <message>
        <source>has {count:,} rows; BP Studio takes up to {most:,}</source>
        <translation>有 {count:,} 行；BP Studio 最多接受 {most:,} 行</translation>
    </message>
    <message>
        <source>has {count:,} numbers; BP Studio takes up to {most:,} in one table</source>
        <translation>有 {count:,} 个数；BP Studio 一张表最多接受 {most:,} 个</translation>
    </message>
    <message>
        <source>must be a list of numbers</source>
        <translation>必须是数字列表</translation>
    </message>
    <message>
        <source>has {count} values, row 0 has {width}</source>
        <translation>有 {count} 个值，而第 0 行有 {width} 个</translation>
    </message>
    <message>
        <source>must be a number, got {value!r}</source>
        <translation>必须是数字，实际为 {value!r}</translation>
    </message>
    <message>
        <source>is NaN or infinity</source>
        <translation>是 NaN 或无穷大</translation>
    </message>
    <message>
        <source>rows are empty</source>
        <translation>各行为空</translation>
    </message>
    <message>
        <source>{source}: not a BP Studio project (the top level is not an object)</source>
        <translation>{source}：不是 BP Studio 项目（顶层不是对象）</translation>
    </message>
    <message>
        <source>{source}: not a BP Studio project (format is {found!r}, expected {expected!r})</source>
        <translation>{source}：不是 BP Studio 项目（format 为 {found!r}，应为 {expected!r}）</translation>
    </message>
    <message>
        <source>{source}: version must be a whole number ≥ 1, got {version!r}</source>
        <translation>{source}：version 必须是 ≥ 1 的整数，实际为 {version!r}</translation>
    </message>
    <message>
        <source>{source}: made by a newer BP Studio (format version {version}; this one reads up to {most})</source>
        <translation>{source}：由更新版本的 BP Studio 创建（格式版本 {version}；当前版本最高只能读取 {most}）</translation>
    </message>
    <message>
        <source>is not a project field</source>
        <translation>不是项目字段</translation>
    </message>
    <message>
        <source>must be a list with one {W, b} per layer</source>
        <translation>必须是列表，每层一个 {W, b}</translation>
    </message>
    <message>
        <source>must be an object with W and b</source>
        <translation>必须是包含 W 和 b 的对象</translation>
    </message>
    <message>
        <source>init.method is explicit, so the weights must be given</source>
        <translation>init.method 为 explicit，因此必须给出权重</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <source>holds a lone surrogate (\ud800 … \udfff), which is not text and could never be saved</source>
        <translation>含有孤立代理项（\ud800 … \udfff），它不是文本，永远无法保存</translation>
    </message>
    <message>
        <source>{path}: the project would be {size} MB, more than the {most} MB BP Studio opens: export a snapshot of the weights instead</source>
        <translation>{path}：项目将有 {size} MB，超过 BP Studio 能打开的 {most} MB：请改为导出权重的快照</translation>
    </message>
    <message>
        <source>is not a training setting</source>
        <translation>不是训练设置</translation>
    </message>
    <message>
        <source>is not an initialisation setting</source>
        <translation>不是初始化设置</translation>
    </message>
    <message>
        <source>{path}: the file is larger than {most} MB, the most BP Studio opens</source>
        <translation>{path}：文件大于 {most} MB，即 BP Studio 能打开的上限</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path}: cannot be read as text ({reason})</source>
        <translation>{path}：无法作为文本读取（{reason}）</translation>
    </message>
    <message>
        <source>{source}: not valid JSON (line {line}, column {column}: {reason})</source>
        <translation>{source}：不是有效的 JSON（第 {line} 行，第 {column} 列：{reason}）</translation>
    </message>
    <message>
        <source>{source}: the key {key} appears twice in one object (which one is meant?)</source>
        <translation>{source}：键 {key} 在同一个对象中出现了两次（指的是哪一个？）</translation>
    </message>
    <message>
        <source>{source}: {field}: holds a lone surrogate (\ud800 … \udfff), which is not text and could never be saved</source>
        <translation>{source}：{field}：含有孤立代理项（\ud800 … \udfff），它不是文本，永远无法保存</translation>
    </message>
    <message>
        <source>{source}: not a BP Studio project (its JSON is nested too deeply)</source>
        <translation>{source}：不是 BP Studio 项目（其 JSON 嵌套过深）</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the project where training has got to (Ctrl+S); the previous version is kept as .bak</source>
        <translation>保存训练进行到当前位置的项目（Ctrl+S）；上一版本会保留为 .bak</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save the project where training has got to, under a new name (Ctrl+Shift+S)</source>
        <translation>以新名称保存训练进行到当前位置的项目（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>The engine did not say where training had got to; nothing was saved.</source>
        <translation>计算引擎未报告训练进行到的位置；未保存任何内容。</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>BP Studio projects (*.bpsproj)</source>
        <translation>BP Studio 项目 (*.bpsproj)</translation>
    </message>
    <message>
        <source>Could not save {path}: {error}</source>
        <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project has changes (edits or training) that are not saved. Save them first?</source>
        <translation>项目有未保存的更改（编辑或训练）。要先保存吗？</translation>
    </message>
</context>
<context>
    <name>ProjectState</name>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 0, got {value!r}</source>
        <translation>必须是 ≥ 0 的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>an iteration has {stages} stages, got {position}</source>
        <translation>一次迭代有 {stages} 个阶段，实际为 {position}</translation>
    </message>
    <message>
        <source>must be a list with one {W, b} per layer</source>
        <translation>必须是列表，每层一个 {W, b}</translation>
    </message>
    <message>
        <source>must be an object with W and b</source>
        <translation>必须是包含 W 和 b 的对象</translation>
    </message>
    <message>
        <source>must be an object with columns and rows</source>
        <translation>必须是包含 columns 和 rows 的对象</translation>
    </message>
    <message>
        <source>must be {columns}</source>
        <translation>必须是 {columns}</translation>
    </message>
    <message>
        <source>must be rows of {count} numbers (null for none)</source>
        <translation>必须是若干行、每行 {count} 个数（无值用 null）</translation>
    </message>
    <message>
        <source>must hold numbers or null</source>
        <translation>只能包含数字或 null</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>打开最近的项目(&amp;R)</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>Forget the recently opened projects (the files stay)</source>
        <translation>清除最近打开的项目记录（文件本身保留）</translation>
    </message>
</context>
<context>
    <name>ReferenceCode</name>
    <message>
        <source>the engine's loop, line for line</source>
        <translation>引擎的训练循环，逐行对应</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>momentum μ and L2 weight decay λ</source>
        <translation>动量 μ 与 L2 权重衰减 λ</translation>
    </message>
    <message>
        <source>velocities start at zero</source>
        <translation>速度从零开始</translation>
    </message>
    <message>
        <source>every batch of every epoch, in the engine's order</source>
        <translation>每个轮次的每个批次，按引擎的顺序</translation>
    </message>
    <message>
        <source>samples as rows: Xᵀ, Yᵀ</source>
        <translation>样本按行排列：Xᵀ、Yᵀ</translation>
    </message>
    <message>
        <source>order="F", asfortranarray: arrays laid out as the engine's, transposed, so NumPy adds in its order (the same bits)</source>
        <translation>order="F"、asfortranarray：数组按引擎数组转置后的内存布局存放，NumPy 便按引擎的顺序求和（逐位相同）</translation>
    </message>
    <message>
        <source>m: samples in the batch</source>
        <translation>m：批次中的样本数</translation>
    </message>
    <message>
        <source>forward {l}: weighted input</source>
        <translation>前向 {l}：加权输入</translation>
    </message>
    <message>
        <source>activation of layer {l}</source>
        <translation>第 {l} 层的激活</translation>
    </message>
    <message>
        <source>loss of each sample</source>
        <translation>每个样本的损失</translation>
    </message>
    <message>
        <source>the batch loss: their mean</source>
        <translation>批次损失：它们的平均值</translation>
    </message>
    <message>
        <source>∇ₐL, one per sample, not averaged</source>
        <translation>∇ₐL，每个样本一列，不取平均</translation>
    </message>
    <message>
        <source>BP1: δᴸ = ∇ₐL ⊙ f′(zᴸ)</source>
        <translation>BP1：δᴸ = ∇ₐL ⊙ f′(zᴸ)</translation>
    </message>
    <message>
        <source>BP1: δᴸ = a − y (the loss fused with the output)</source>
        <translation>BP1：δᴸ = a − y（损失与输出层合并）</translation>
    </message>
    <message>
        <source>BP2: δ from the layer above (its W before the update)</source>
        <translation>BP2：由上一层的 δ 求得（用更新前的 W）</translation>
    </message>
    <message>
        <source>BP4: ∂L/∂W, the mean over the batch</source>
        <translation>BP4：∂L/∂W，对批次取平均</translation>
    </message>
    <message>
        <source>BP3: ∂L/∂b, the mean of δ</source>
        <translation>BP3：∂L/∂b，δ 的平均值</translation>
    </message>
    <message>
        <source>update: W ← W − η ∂L/∂W</source>
        <translation>更新：W ← W − η ∂L/∂W</translation>
    </message>
    <message>
        <source>update with momentum: v ← μv − η(∂L/∂W + λW), W ← W + v</source>
        <translation>带动量的更新：v ← μv − η(∂L/∂W + λW)，W ← W + v</translation>
    </message>
    <message>
        <source>Adam's β₁, β₂, ε and L2 weight decay λ</source>
        <translation>Adam 的 β₁、β₂、ε 和 L2 权重衰减 λ</translation>
    </message>
    <message>
        <source>RMSProp's α, ε and L2 weight decay λ</source>
        <translation>RMSProp 的 α、ε 和 L2 权重衰减 λ</translation>
    </message>
    <message>
        <source>v and s start at zero, t counts the updates</source>
        <translation>v 和 s 从零开始，t 计数更新次数</translation>
    </message>
    <message>
        <source>Adam: v, s, then W ← W − η v̂/(√ŝ + ε), v̂ = v/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ)</source>
        <translation>Adam：v、s，然后 W ← W − η v̂/(√ŝ + ε)，v̂ = v/(1 − β₁ᵗ)，ŝ = s/(1 − β₂ᵗ)</translation>
    </message>
    <message>
        <source>RMSProp: s ← αs + (1 − α)g², W ← W − η g/(√s + ε)</source>
        <translation>RMSProp：s ← αs + (1 − α)g²，W ← W − η g/(√s + ε)</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>What the run is doing, or why it stopped</source>
        <translation>运行正在做什么，或为什么停止</translation>
    </message>
    <message>
        <source>End after this many more epochs (one epoch = every sample once)</source>
        <translation>再运行这么多轮后结束（一轮 = 每个样本各一次）</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>End as soon as the training loss (the mean over the training set) is below this number</source>
        <translation>训练损失（训练集上的平均值）一低于这个数就结束</translation>
    </message>
    <message>
        <source>A number &gt; 0, such as 0.01 or 1e-3</source>
        <translation>一个 &gt; 0 的数，例如 0.01 或 1e-3</translation>
    </message>
    <message>
        <source>Run for</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Until training loss &lt;</source>
        <translation>直到训练损失 &lt;</translation>
    </message>
    <message>
        <source>Keep going until stopped</source>
        <translation>一直运行直到停止</translation>
    </message>
    <message>
        <source>No goal: the run goes on until you press Stop or a breakpoint pauses it</source>
        <translation>没有目标：运行会一直进行，直到你按下“停止”或某个断点使其暂停</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>When the run ends by itself</source>
        <translation>运行何时自行结束</translation>
    </message>
    <message>
        <source>How fast the run goes. The slowest speeds show every stage of every iteration in turn; faster ones show whole iterations; the fastest refreshes the panels only as often as the screen needs.
A change applies at once, also while running.</source>
        <translation>运行的速度。最慢的几档会依次显示每次迭代的每个阶段；较快的几档显示完整的迭代；最快一档只按屏幕需要的频率刷新面板。
更改立即生效，运行期间也是如此。</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>慢</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>快</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>Pause on NaN or ∞</source>
        <translation>出现 NaN 或 ∞ 时暂停</translation>
    </message>
    <message>
        <source>Pause on completing epoch</source>
        <translation>完成第几轮时暂停</translation>
    </message>
    <message>
        <source>Pause &amp;when training loss &lt;</source>
        <translation>当训练损失 &lt;(&amp;W)</translation>
    </message>
    <message>
        <source>Pause once the training loss is below this number (&gt; 0)</source>
        <translation>训练损失一低于这个数（&gt; 0）就暂停</translation>
    </message>
    <message>
        <source>A number &gt; 0, such as 0.05 or 1e-3</source>
        <translation>一个 &gt; 0 的数，例如 0.05 或 1e-3</translation>
    </message>
    <message>
        <source>Pause at the first number that is not finite (NaN or ±∞), for example when the learning rate is too large; the panels keep the last finite state and the status says where it appeared</source>
        <translation>在出现第一个非有限数（NaN 或 ±∞）时暂停，例如学习率过大时；面板保留最后一个有限状态，状态栏会说明它出现的位置</translation>
    </message>
    <message>
        <source>Pause when this epoch (counted from 1) is complete</source>
        <translation>在这一轮（从 1 开始计数）完成时暂停</translation>
    </message>
    <message>
        <source>Breakpoints</source>
        <translation>断点</translation>
    </message>
    <message>
        <source>Pause the run (Resume goes on) when one of these happens</source>
        <translation>发生以下任一情况时暂停运行（按“继续”可接着运行）</translation>
    </message>
    <message>
        <source>1 iteration per second, every stage</source>
        <translation>每秒 1 次迭代，显示每个阶段</translation>
    </message>
    <message>
        <source>4 iterations per second, every stage</source>
        <translation>每秒 4 次迭代，显示每个阶段</translation>
    </message>
    <message>
        <source>10 iterations per second</source>
        <translation>每秒 10 次迭代</translation>
    </message>
    <message>
        <source>30 iterations per second</source>
        <translation>每秒 30 次迭代</translation>
    </message>
    <message>
        <source>100 iterations per second</source>
        <translation>每秒 100 次迭代</translation>
    </message>
    <message>
        <source>1000 iterations per second</source>
        <translation>每秒 1000 次迭代</translation>
    </message>
    <message>
        <source>as fast as the engine goes</source>
        <translation>计算引擎能达到的最快速度</translation>
    </message>
    <message>
        <source>Run is off until this is fixed on the Training tab: {why}</source>
        <translation>在“训练”选项卡上改正这一项之前，运行不可用：{why}</translation>
    </message>
    <message>
        <source>Training is running: Pause (F6) pauses it, Stop (Shift+F9) ends it.</source>
        <translation>正在训练：暂停（F6）可暂停，停止（Shift+F9）可结束。</translation>
    </message>
    <message>
        <source>The training loss to reach</source>
        <translation>要达到的训练损失</translation>
    </message>
    <message>
        <source>The loss breakpoint</source>
        <translation>损失断点</translation>
    </message>
    <message>
        <source>{what} must be a number &gt; 0, such as 0.01 or 1e-3, not “{text}”.</source>
        <translation>{what}必须是 &gt; 0 的数，例如 0.01 或 1e-3，而不是“{text}”。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause the run after the current stage; Resume goes on toward the goal</source>
        <translation>在当前阶段结束后暂停运行；按“继续”会朝目标接着运行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the run; the weights stay as the run left them</source>
        <translation>结束运行；权重保持运行结束时的状态</translation>
    </message>
    <message>
        <source>Resume the paused run toward its goal, with the settings below</source>
        <translation>按下方的设置，朝目标继续已暂停的运行</translation>
    </message>
    <message>
        <source>Train: repeat whole iterations (forward, loss, backward, update) until the goal below is reached or a breakpoint pauses the run</source>
        <translation>训练：重复完整的迭代（前向、损失、反向、更新），直到达到下方的目标或某个断点使运行暂停</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>the target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>, in the forward pass</source>
        <translation>，在前向传播中</translation>
    </message>
    <message>
        <source>, in the backward pass</source>
        <translation>，在反向传播中</translation>
    </message>
    <message>
        <source>, when the weights were updated</source>
        <translation>，在更新权重时</translation>
    </message>
    <message>
        <source>{q} became too large to compute (infinite, or NaN: not a number) in iteration {i}{when}</source>
        <translation>在第 {i} 次迭代中{when}，{q} 变得太大而无法计算（无穷大，或 NaN：不是一个数）</translation>
    </message>
    <message>
        <source>All {n} units of layer {l} are dead: {f} gives 0 for every sample, where its slope is 0.</source>
        <translation>第 {l} 层的全部 {n} 个单元都已“死亡”：{f} 对每个样本都输出 0，而那里的斜率为 0。</translation>
    </message>
    <message>
        <source>{dead} of the {n} units of layer {l} are dead: {f} gives 0 for every sample, where its slope is 0.</source>
        <translation>第 {l} 层的 {n} 个单元中有 {dead} 个已“死亡”：{f} 对每个样本都输出 0，而那里的斜率为 0。</translation>
    </message>
    <message>
        <source>The outputs are saturated: {f} gives 0 or 1 for every sample, where its slope is 0.</source>
        <translation>输出已饱和：{f} 对每个样本都给出 0 或 1，而那里的斜率为 0。</translation>
    </message>
    <message>
        <source>The network has stopped learning: the gradient ∂L/∂W of every layer has been 0 for the last {n} points of the loss curve, so the updates no longer change any weight. {why}Usually a learning rate η too large threw the units there: lower η and reset (Ctrl+R).</source>
        <translation>网络已停止学习：在损失曲线的最后 {n} 个点上，每一层的梯度 ∂L/∂W 都为 0，因此更新不再改变任何权重。{why}通常是学习率 η 太大，把单元推到了那里：请降低 η 并重置（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>正在运行</translation>
    </message>
    <message>
        <source>Paused: {reason}</source>
        <translation>已暂停：{reason}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finished: {reason}</source>
        <translation>已完成：{reason}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Diverged: {what} — the panels show the last finite state</source>
        <translation>已发散：{what} —— 面板显示最后一个有限状态</translation>
    </message>
    <message>
        <source>Not running. Run trains toward the goal below.</source>
        <translation>未在运行。点击“运行”会朝下方的目标进行训练。</translation>
    </message>
</context>
<context>
    <name>RunProcess</name>
    <message>
        <source>the training process ended unexpectedly</source>
        <translation>训练进程意外终止</translation>
    </message>
</context>
<context>
    <name>RunSettings</name>
    <message>
        <source>must be one of {choices}, got {value!r}</source>
        <translation>必须是 {choices} 之一，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 1, got {value!r}</source>
        <translation>必须是 ≥ 1 的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be 0 … {most}, got {value!r}</source>
        <translation>必须在 0 … {most} 之间，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a number &gt; 0, got {value!r}</source>
        <translation>必须是 &gt; 0 的数，实际为 {value!r}</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Tick a run to draw it over the loss and accuracy plots</source>
        <translation>勾选一次运行，把它画在损失和准确率图上</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Forget the selected run</source>
        <translation>删除选中的运行</translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation>全部删除</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Every kept run's loss and accuracy, one line per logged iteration</source>
        <translation>每次保留的运行的损失和准确率，每个记录的迭代一行</translation>
    </message>
    <message>
        <source>Save plots as PNG…</source>
        <translation>将图保存为 PNG…</translation>
    </message>
    <message>
        <source>Save plots as SVG…</source>
        <translation>将图保存为 SVG…</translation>
    </message>
    <message>
        <source>The loss and accuracy plots with the runs shown over them</source>
        <translation>损失和准确率图，连同画在上面的运行</translation>
    </message>
    <message>
        <source>{outcome} run: {label}</source>
        <translation>{outcome}的运行：{label}</translation>
    </message>
    <message>
        <source>Each run is kept here when it finishes or pauses, named by what differed from the other runs kept. Saved with the project.</source>
        <translation>每次运行在结束或暂停时保留在这里，并以它与其他保留运行的不同之处命名。随项目一起保存。</translation>
    </message>
    <message>
        <source>No runs kept yet: run training (F9); when it finishes or pauses, its curves stay here, to compare with the next run after you change a setting.</source>
        <translation>还没有保留的运行：开始训练（F9）；训练结束或暂停时，它的曲线会留在这里，改动设置后可与下一次运行比较。</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Diverged</source>
        <translation>已发散</translation>
    </message>
</context>
<context>
    <name>SnapshotIo</name>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path}: not a BP Studio snapshot (no meta entry)</source>
        <translation>{path}：不是 BP Studio 快照（缺少 meta 条目）</translation>
    </message>
    <message>
        <source>{path}: not a BP Studio snapshot ({key} holds {dtype}, not float64 numbers)</source>
        <translation>{path}：不是 BP Studio 快照（{key} 存放的是 {dtype}，不是 float64 数值）</translation>
    </message>
    <message>
        <source>{path}: not a readable snapshot (truncated, damaged or not an .npz file: {reason})</source>
        <translation>{path}：不是可读取的快照（被截断、已损坏或不是 .npz 文件：{reason}）</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}：无法读取（{reason}）</translation>
    </message>
    <message>
        <source>{path}: the meta entry is not one text (it is {dtype} of shape {shape})</source>
        <translation>{path}：meta 条目不是一段文本（它是形状为 {shape} 的 {dtype}）</translation>
    </message>
    <message>
        <source>{path}: the meta entry</source>
        <translation>{path}：meta 条目</translation>
    </message>
    <message>
        <source>{source}: nested too deeply</source>
        <translation>{source}：嵌套过深</translation>
    </message>
    <message>
        <source>{path}: not a BP Studio snapshot (format is {found!r})</source>
        <translation>{path}：不是 BP Studio 快照（格式为 {found!r}）</translation>
    </message>
    <message>
        <source>{path}: snapshot format version {version!r} is not supported (this BP Studio reads up to {most})</source>
        <translation>{path}：不支持快照格式版本 {version!r}（此版本 BP Studio 最高可读取 {most}）</translation>
    </message>
    <message>
        <source>{path}: meta.{key} must be a whole number ≥ 0, got {value}</source>
        <translation>{path}：meta.{key} 必须是 ≥ 0 的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>{path}: meta.moments must be {{"optimizer": one of {choices}, "t": a whole number ≥ 0}}</source>
        <translation>{path}：meta.moments 必须是 {{"optimizer": {choices} 之一, "t": 一个 ≥ 0 的整数}}</translation>
    </message>
    <message>
        <source>{path}: meta.project must be a project object</source>
        <translation>{path}：meta.project 必须是项目对象</translation>
    </message>
    <message>
        <source>{path}: {error}</source>
        <translation>{path}：{error}</translation>
    </message>
    <message>
        <source>{path}: meta.position is {position}, but an iteration has {stages} stages</source>
        <translation>{path}：meta.position 为 {position}，但一次迭代只有 {stages} 个阶段</translation>
    </message>
    <message>
        <source>{path}: {key} is not a snapshot entry</source>
        <translation>{path}：{key} 不是快照条目</translation>
    </message>
    <message>
        <source>{path}: {key} has the shape {shape}, but the network needs {expected}</source>
        <translation>{path}：{key} 的形状为 {shape}，但网络需要 {expected}</translation>
    </message>
    <message>
        <source>{path}: the entry {key} is missing</source>
        <translation>{path}：缺少条目 {key}</translation>
    </message>
    <message>
        <source>{path}: the optimizer's {name} needs every layer's {name}W and {name}b and meta.moments</source>
        <translation>{path}：优化器的 {name} 需要每一层的 {name}W 和 {name}b 以及 meta.moments</translation>
    </message>
    <message>
        <source>{path}: its arrays would need {size:,} MB; BP Studio opens snapshots of up to {most:,} MB</source>
        <translation>{path}：其数组将需要 {size:,} MB；BP Studio 能打开的快照最多 {most:,} MB</translation>
    </message>
    <message>
        <source>this snapshot holds no project, so it cannot be opened: read it with load_snapshot</source>
        <translation>此快照不含项目，因此无法打开：请用 load_snapshot 读取</translation>
    </message>
    <message>
        <source>this snapshot's project has another network than its arrays, so it cannot be opened</source>
        <translation>此快照的项目与其数组的网络不同，因此无法打开</translation>
    </message>
</context>
<context>
    <name>Spec</name>
    <message>
        <source>must be a whole number, got {value!r}</source>
        <translation>必须是整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be at least 1, got {value}</source>
        <translation>必须至少为 1，实际为 {value}</translation>
    </message>
    <message>
        <source>must be at most {maximum}, got {value}</source>
        <translation>必须不大于 {maximum}，实际为 {value}</translation>
    </message>
    <message>
        <source>a network needs at least one layer</source>
        <translation>网络至少需要一层</translation>
    </message>
    <message>
        <source>{activation} is only allowed on the output layer (its Jacobian is not element-wise)</source>
        <translation>{activation} 只能用于输出层（其雅可比矩阵不是逐元素的）</translation>
    </message>
    <message>
        <source>softmax needs at least 2 output units (with 1 it is always 1)</source>
        <translation>softmax 至少需要 2 个输出单元（只有 1 个时输出恒为 1）</translation>
    </message>
    <message>
        <source>the network would have {weights:,} weights; BP Studio handles up to {most:,}</source>
        <translation>该网络将有 {weights:,} 个权重；BP Studio 最多支持 {most:,} 个</translation>
    </message>
    <message>
        <source>{loss} needs a {activation} output layer (its outputs must be probabilities), but the output activation is {output}</source>
        <translation>{loss} 需要 {activation} 输出层（其输出必须是概率），但当前输出层激活函数为 {output}</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be a list of layers</source>
        <translation>必须是由层组成的列表</translation>
    </message>
    <message>
        <source>must be an object with units and activation</source>
        <translation>必须是包含 units 和 activation 的对象</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>unknown initialiser {method!r}; choose one of {choices}</source>
        <translation>未知的初始化方法 {method!r}；请从 {choices} 中选择</translation>
    </message>
    <message>
        <source>must be a positive number, got {value!r}</source>
        <translation>必须是正数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 1 (or 0 for full batch), got {value!r}</source>
        <translation>必须是 ≥ 1 的整数（或 0 表示全批量），实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 0, got {value!r}</source>
        <translation>必须是 ≥ 0 的整数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be true or false, got {value!r}</source>
        <translation>必须是 true 或 false，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a number from 0 up to (not including) 1, got {value!r}</source>
        <translation>必须是从 0 到 1（不含 1）的数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a number ≥ 0, got {value!r}</source>
        <translation>必须是 ≥ 0 的数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>unknown optimizer {value!r}; choose one of {choices}</source>
        <translation>未知的优化器 {value!r}；请从 {choices} 中选择</translation>
    </message>
    <message>
        <source>momentum is for SGD only (Adam's β₁ plays its part); set it to 0, got {value!r}</source>
        <translation>动量只用于 SGD（Adam 的 β₁ 起着它的作用）；请设为 0，当前为 {value!r}</translation>
    </message>
    <message>
        <source>is not a known field here (expected: {expected})</source>
        <translation>不是此处可用的字段（应为：{expected}）</translation>
    </message>
</context>
<context>
    <name>StageList</name>
    <message>
        <source>Stages of this iteration</source>
        <translation>本次迭代的各阶段</translation>
    </message>
    <message>
        <source>Click a stage to go there: back through the stages kept, or forward by computing</source>
        <translation>单击某个阶段即可跳转到该阶段：向后退回已保留的阶段，或向前计算</translation>
    </message>
    <message>
        <source>Forward · layer {l}  (zˡ, aˡ)</source>
        <translation>前向 · 第 {l} 层  （zˡ, aˡ）</translation>
    </message>
    <message>
        <source>Backward · layer {l}  ({eqs})</source>
        <translation>反向 · 第 {l} 层  （{eqs}）</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Update  (Adam: v, s → W)</source>
        <translation>更新  （Adam：v、s → W）</translation>
    </message>
    <message>
        <source>Update  (RMSProp: s → W)</source>
        <translation>更新  （RMSProp：s → W）</translation>
    </message>
    <message>
        <source>Update  (W ← W − η∂L/∂W)</source>
        <translation>更新  （W ← W − η∂L/∂W）</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>forward {l}</source>
        <translation>前向 {l}</translation>
    </message>
    <message>
        <source>backward {l}</source>
        <translation>反向 {l}</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
</context>
<context>
    <name>StepActions</name>
    <message>
        <source>Step stage</source>
        <translation>单步执行一个阶段</translation>
    </message>
    <message>
        <source>Compute the next stage: forward l, loss, backward l or update</source>
        <translation>计算下一个阶段：前向 l、损失、反向 l 或更新</translation>
    </message>
    <message>
        <source>Forward one layer</source>
        <translation>前向一层</translation>
    </message>
    <message>
        <source>Compute up to the next forward stage: zˡ = Wˡaˡ⁻¹ + bˡ, aˡ = f(zˡ)</source>
        <translation>计算到下一个前向阶段：zˡ = Wˡaˡ⁻¹ + bˡ，aˡ = f(zˡ)</translation>
    </message>
    <message>
        <source>Backward one layer</source>
        <translation>反向一层</translation>
    </message>
    <message>
        <source>Compute up to the next backward stage: δˡ by BP1 or BP2, then BP3 and BP4</source>
        <translation>计算到下一个反向阶段：用 BP1 或 BP2 求 δˡ，再用 BP3 和 BP4</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Return to the previous stage, exactly as it was</source>
        <translation>回到上一个阶段，与当时完全相同</translation>
    </message>
    <message>
        <source>Finish iteration</source>
        <translation>完成本次迭代</translation>
    </message>
    <message>
        <source>Compute the remaining stages of this iteration, up to and including the update</source>
        <translation>计算本次迭代剩余的各阶段，直到并包括更新</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the initial weights, iteration 1 (edits to the network are kept)</source>
        <translation>回到初始权重和第 1 次迭代（对网络的修改会保留）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the command that is running</source>
        <translation>停止正在运行的命令</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>explicit initialisation needs the weights and biases</source>
        <translation>显式初始化需要提供权重和偏置</translation>
    </message>
    <message>
        <source>no earlier stage is kept</source>
        <translation>没有保留更早的阶段</translation>
    </message>
    <message>
        <source>must be from 1 to {depth}, got {value!r}</source>
        <translation>必须在 1 到 {depth} 之间，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be W or b, got {value!r}</source>
        <translation>必须是 W 或 b，实际为 {value!r}</translation>
    </message>
    <message>
        <source>must be a finite number, got {value!r}</source>
        <translation>必须是有限数，实际为 {value!r}</translation>
    </message>
    <message>
        <source>index must be two whole numbers (row, column), got {index!r}</source>
        <translation>索引必须是两个整数（行, 列），实际为 {index!r}</translation>
    </message>
    <message>
        <source>index {index} is outside shape {shape}</source>
        <translation>索引 {index} 超出形状 {shape} 的范围</translation>
    </message>
    <message>
        <source>an epoch here has {batches} batches, got {batch}</source>
        <translation>此处每轮有 {batches} 个批次，实际为 {batch}</translation>
    </message>
    <message>
        <source>an iteration has {stages} stages, got {position}</source>
        <translation>每次迭代有 {stages} 个阶段，实际为 {position}</translation>
    </message>
    <message>
        <source>{count} layers of parameters given, the network has {depth}</source>
        <translation>提供了 {count} 层参数，而网络有 {depth} 层</translation>
    </message>
    <message>
        <source>must hold numbers in rectangular lists ({reason})</source>
        <translation>必须是由数字组成的矩形嵌套列表（{reason}）</translation>
    </message>
    <message>
        <source>has shape {shape}, but W{l} must be (n{l}, n{previous}) = {expected}</source>
        <translation>形状为 {shape}，但 W{l} 的形状必须是 (n{l}, n{previous}) = {expected}</translation>
    </message>
    <message>
        <source>needs {count} values, got shape {shape}</source>
        <translation>需要 {count} 个值，实际形状为 {shape}</translation>
    </message>
    <message>
        <source>contains NaN or infinity</source>
        <translation>包含 NaN 或无穷大</translation>
    </message>
    <message>
        <source>inputs and targets must be 2-D (features × samples)</source>
        <translation>输入和目标必须是二维的（特征 × 样本）</translation>
    </message>
    <message>
        <source>there are no samples</source>
        <translation>没有样本</translation>
    </message>
    <message>
        <source>samples have {count} features, but the network's input size is {size}</source>
        <translation>样本有 {count} 个特征，但网络的输入大小为 {size}</translation>
    </message>
    <message>
        <source>targets have {count} values, but the output layer has {units} units</source>
        <translation>目标有 {count} 个值，但输出层有 {units} 个单元</translation>
    </message>
    <message>
        <source>{targets} targets for {samples} samples</source>
        <translation>{targets} 个目标对应 {samples} 个样本</translation>
    </message>
    <message>
        <source>sample {sample} has NaN or infinity (in value {value})</source>
        <translation>样本 {sample} 含有 NaN 或无穷大（在值 {value} 中）</translation>
    </message>
    <message>
        <source>{loss} needs targets between 0 and 1</source>
        <translation>{loss} 要求目标值介于 0 和 1 之间</translation>
    </message>
    <message>
        <source>cross_entropy needs each target to sum to 1 (one-hot or probabilities)</source>
        <translation>cross_entropy 要求每个目标之和为 1（one-hot 或概率）</translation>
    </message>
    <message>
        <source>must be one of {choices}, got {value!r}</source>
        <translation>必须是 {choices} 之一，当前为 {value!r}</translation>
    </message>
    <message>
        <source>a mean of squares cannot be negative</source>
        <translation>平方的均值不能为负</translation>
    </message>
    <message>
        <source>must be a whole number ≥ 0, got {value!r}</source>
        <translation>必须是 ≥ 0 的整数，当前为 {value!r}</translation>
    </message>
</context>
<context>
    <name>TorchExport</name>
    <message>
        <source>the PyTorch program would be {size} MB with this data, more than {limit} MB</source>
        <translation>使用这些数据，PyTorch 程序将有 {size} MB，超过了 {limit} MB</translation>
    </message>
</context>
<context>
    <name>TrainingUi</name>
    <message>
        <source>Loss on a log scale</source>
        <translation>损失使用对数刻度</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis (late, small improvements stay visible)</source>
        <translation>在对数坐标轴上显示损失（后期的微小改进仍然可见）</translation>
    </message>
    <message>
        <source>Plot against epochs</source>
        <translation>以轮数为横轴</translation>
    </message>
    <message>
        <source>Put epochs instead of iterations on the plots' x axes</source>
        <translation>图表的 x 轴使用轮数而不是迭代次数</translation>
    </message>
    <message>
        <source>Gradient sizes on a log scale</source>
        <translation>梯度大小使用对数刻度</translation>
    </message>
    <message>
        <source>Show mean |∂L/∂Wˡ| on a logarithmic axis</source>
        <translation>在对数坐标轴上显示平均 |∂L/∂Wˡ|</translation>
    </message>
    <message>
        <source>Loss and accuracy</source>
        <translation>损失与准确率</translation>
    </message>
    <message>
        <source>Gradient size</source>
        <translation>梯度大小</translation>
    </message>
    <message>
        <source>Data and decision boundary</source>
        <translation>数据与决策边界</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Training diverged and was paused: {where}. Usually the learning rate η is too large: each step overshoots and the numbers grow until they overflow. The panels show the last stage whose numbers are all finite (the next step makes the infinite ones); the loss curve marks where. Lower η and reset (Ctrl+R).</source>
        <translation>训练已发散并已暂停：{where}。通常是学习率 η 太大：每一步都冲过了头，数值越来越大直到溢出。面板显示的是所有数值均为有限数的最后一个阶段（下一步会产生无穷大的数值）；损失曲线上标出了发散的位置。请降低 η 并重置（Ctrl+R）。</translation>
    </message>
</context>
<context>
    <name>UndoableEdits</name>
    <message>
        <source>Start training over?</source>
        <translation>重新开始训练？</translation>
    </message>
    <message>
        <source>“{edit}” changes the network, its data or its starting weights, so training starts over from the starting weights: the {n} iterations trained so far, with their loss curve, are set aside.

Undo (Ctrl+Z) brings them back exactly as they are now.</source>
        <translation>“{edit}”会改变网络、数据或初始权重，因此训练将从初始权重重新开始：目前已训练的 {n} 次迭代及其损失曲线会被搁置。

撤销（Ctrl+Z）可以把它们原样恢复。</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
</context>
<context>
    <name>UnitMaps</name>
    <message>
        <source>across: {x} from {lo} to {hi}</source>
        <translation>横轴：{x} 从 {lo} 到 {hi}</translation>
    </message>
    <message>
        <source>up: {x} from {lo} to {hi}</source>
        <translation>纵轴：{x} 从 {lo} 到 {hi}</translation>
    </message>
    <message>
        <source>the {n} other inputs at their means</source>
        <translation>其余 {n} 个输入取均值</translation>
    </message>
    <message>
        <source>colours: blue −{v}, white 0, red +{v} (this map's largest |a|)</source>
        <translation>颜色：蓝 −{v}，白 0，红 +{v}（此图中最大的 |a|）</translation>
    </message>
    <message>
        <source>ring: the sample shown</source>
        <translation>圆圈：所显示的样本</translation>
    </message>
    <message>
        <source>unit {j} of layer {l}</source>
        <translation>第 {l} 层的单元 {j}</translation>
    </message>
</context>
<context>
    <name>WeightPictures</name>
    <message>
        <source>Unit {i} of layer 1: W¹ row {i} as {rows}×{cols} pixels. Pixel (row {r}, column {c}) is input {j}; its weight is {w}. Red: ink there excites the unit; blue: inhibits it. Scale ±{limit}.</source>
        <translation>第 1 层的单元 {i}：W¹ 第 {i} 行，画成 {rows}×{cols} 像素。像素（第 {r} 行，第 {c} 列）是输入 {j}，其权重为 {w}。红色：该处有墨迹会激活该单元；蓝色：抑制它。色标 ±{limit}。</translation>
    </message>
</context>
<context>
    <name>WorkedExample</name>
    <message>
        <source>network {sizes}</source>
        <translation>网络 {sizes}</translation>
    </message>
    <message>
        <source>Worked example: {name}</source>
        <translation>计算实例：{name}</translation>
    </message>
    <message>
        <source>Samples are rows (row convention: W is nˡ⁻¹ × nˡ, the transpose of the column convention's Wˡ, and Zˡ = Aˡ⁻¹ Wˡ + bˡ)</source>
        <translation>样本按行排列（行约定：W 为 nˡ⁻¹ × nˡ，是列约定中 Wˡ 的转置，且 Zˡ = Aˡ⁻¹ Wˡ + bˡ）</translation>
    </message>
    <message>
        <source>Samples are columns (column convention)</source>
        <translation>样本按列排列（列约定）</translation>
    </message>
    <message>
        <source>Iteration {i} (epoch {e}, batch {b} of {batches}): every stage of one training step, with the equation it evaluates and all its numbers substituted. {convention}; numbers are rounded to the shown digits.</source>
        <translation>第 {i} 次迭代（第 {e} 轮，第 {b} 个批次，共 {batches} 个）：一个训练步骤的每个阶段，列出所计算的公式并代入全部数值。{convention}；数值按所显示的位数舍入。</translation>
    </message>
    <message>
        <source>The network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>0 (input)</source>
        <translation>0（输入）</translation>
    </message>
    <message>
        <source>layer l</source>
        <translation>层 l</translation>
    </message>
    <message>
        <source>units nˡ</source>
        <translation>单元数 nˡ</translation>
    </message>
    <message>
        <source>activation fˡ</source>
        <translation>激活函数 fˡ</translation>
    </message>
    <message>
        <source>Adam, β₁ = {b1}, β₂ = {b2}, ε = {eps}, L2 weight decay λ = {lam}</source>
        <translation>Adam，β₁ = {b1}，β₂ = {b2}，ε = {eps}，L2 权重衰减 λ = {lam}</translation>
    </message>
    <message>
        <source>RMSProp, α = {alpha}, ε = {eps}, L2 weight decay λ = {lam}</source>
        <translation>RMSProp，α = {alpha}，ε = {eps}，L2 权重衰减 λ = {lam}</translation>
    </message>
    <message>
        <source>W ← W − η ∂L/∂W (plain gradient descent)</source>
        <translation>W ← W − η ∂L/∂W（普通梯度下降）</translation>
    </message>
    <message>
        <source>momentum μ = {mu}, L2 weight decay λ = {lam}</source>
        <translation>动量 μ = {mu}，L2 权重衰减 λ = {lam}</translation>
    </message>
    <message>
        <source>Loss: {loss}, {formula} per sample; the batch loss is the mean over the m samples. Learning rate η = {eta}; update: {rule}. Batch: m = {m} of {n} sample(s).</source>
        <translation>损失：{loss}，每个样本为 {formula}；批次损失是 m 个样本的平均值。学习率 η = {eta}；更新：{rule}。批次：m = {m}（共 {n} 个样本）。</translation>
    </message>
    <message>
        <source>The data of this batch</source>
        <translation>本批次的数据</translation>
    </message>
    <message>
        <source>Inputs X = A⁰ (m × {n_in}) and targets Y (m × {n_out}), one sample per row.</source>
        <translation>输入 X = A⁰（m × {n_in}）和目标 Y（m × {n_out}），每行一个样本。</translation>
    </message>
    <message>
        <source>Inputs X = a⁰ ({n_in} × m) and targets Y ({n_out} × m), one sample per column.</source>
        <translation>输入 X = a⁰（{n_in} × m）和目标 Y（{n_out} × m），每列一个样本。</translation>
    </message>
    <message>
        <source>The starting weights and biases</source>
        <translation>初始权重和偏置</translation>
    </message>
    <message>
        <source>Stage {i}: {stage}</source>
        <translation>阶段 {i}：{stage}</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>not computed</source>
        <translation>未计算</translation>
    </message>
    <message>
        <source>The batch loss of this iteration (before the update) is L = {loss}. The next iteration starts from the updated weights and biases of the last stage.</source>
        <translation>本次迭代（更新前）的批次损失为 L = {loss}。下一次迭代从最后一个阶段更新后的权重和偏置开始。</translation>
    </message>
    <message>
        <source>A⁰ = X, the inputs, one sample per row. </source>
        <translation>A⁰ = X，即输入，每行一个样本。</translation>
    </message>
    <message>
        <source>b{s} is added to each of the m = {m} rows.</source>
        <translation>b{s} 加到 m = {m} 行中的每一行上。</translation>
    </message>
    <message>
        <source>a⁰ = x, the inputs. </source>
        <translation>a⁰ = x，即输入。</translation>
    </message>
    <message>
        <source>b{s} is added to each of the m = {m} columns.</source>
        <translation>b{s} 加到 m = {m} 列中的每一列上。</translation>
    </message>
    <message>
        <source>{formula}   (per sample)</source>
        <translation>{formula}   （每个样本）</translation>
    </message>
    <message>
        <source>L = (1/m) Σᵢ Lᵢ   (the mean over the batch)</source>
        <translation>L = (1/m) Σᵢ Lᵢ   （批次上的平均值）</translation>
    </message>
    <message>
        <source>Lᵢ (per sample)</source>
        <translation>Lᵢ（每个样本）</translation>
    </message>
    <message>
        <source>∇ₐL is shown for completeness: with a {f} output and {loss} loss, BP1 simplifies to δ{S} = a{S} − y (next stage).</source>
        <translation>此处列出 ∇ₐL 仅为完整起见：对于 {f} 输出层和 {loss} 损失，BP1 简化为 δ{S} = a{S} − y（见下一阶段）。</translation>
    </message>
    <message>
        <source>with {f} output and {loss}: δᴸ = aᴸ − y</source>
        <translation>{f} 输出层与 {loss} 搭配：δᴸ = aᴸ − y</translation>
    </message>
    <message>
        <source>The factors of ∇ₐL and of the derivative of {f} cancel, so the error of the output layer is simply the output minus the target.</source>
        <translation>∇ₐL 与 {f} 导数中的因子相互抵消，因此输出层的误差就是输出减去目标。</translation>
    </message>
    <message>
        <source>W{u} is used as it is before this iteration's update.</source>
        <translation>W{u} 使用的是本次迭代更新之前的值。</translation>
    </message>
    <message>
        <source>Σ rows of δ{s}</source>
        <translation>δ{s} 各行之和</translation>
    </message>
    <message>
        <source>BP3: ∂L/∂b{s} = (1/m) Σ (the rows of δ{s})</source>
        <translation>BP3：∂L/∂b{s} = (1/m) Σ（δ{s} 的各行）</translation>
    </message>
    <message>
        <source>Σ columns of δ{s}</source>
        <translation>δ{s} 各列之和</translation>
    </message>
    <message>
        <source>BP3: ∂L/∂b{s} = (1/m) Σ (the columns of δ{s})</source>
        <translation>BP3：∂L/∂b{s} = (1/m) Σ（δ{s} 的各列）</translation>
    </message>
    <message>
        <source>vbˡ ← μ vbˡ − η ∂L/∂bˡ,   bˡ ← bˡ + vbˡ   (biases are not decayed)</source>
        <translation>vbˡ ← μ vbˡ − η ∂L/∂bˡ,   bˡ ← bˡ + vbˡ   （偏置不做衰减）</translation>
    </message>
    <message>
        <source>vW and vb are the velocities: the step each weight took, carried over with factor μ (0 before the first iteration).</source>
        <translation>vW 和 vb 是速度：即每个权重上一次所走的步长，以因子 μ 延续下来（第一次迭代之前为 0）。</translation>
    </message>
    <message>
        <source>The biases are updated alike with g = ∂L/∂bˡ (no decay). v and s start at 0 and are shown after this update.</source>
        <translation>偏置以同样方式更新，g = ∂L/∂bˡ（不衰减）。v 和 s 从 0 开始，显示的是这次更新之后的值。</translation>
    </message>
    <message>
        <source>t = {t} updates so far: 1 − β₁ᵗ = {c1}, 1 − β₂ᵗ = {c2}.</source>
        <translation>至今共 t = {t} 次更新：1 − β₁ᵗ = {c1}，1 − β₂ᵗ = {c2}。</translation>
    </message>
    <message>
        <source>{q} (before)</source>
        <translation>{q}（更新前）</translation>
    </message>
    <message>
        <source>{q} (after)</source>
        <translation>{q}（更新后）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>{rows} × {cols} matrix: min {lo}, max {hi}, mean {mean}; top-left corner</source>
        <translation>{rows} × {cols} 矩阵：最小值 {lo}，最大值 {hi}，平均值 {mean}；左上角部分</translation>
    </message>
    <message>
        <source>(not computed)</source>
        <translation>（未计算）</translation>
    </message>
    <message>
        <source>The chain rule behind {entry}</source>
        <translation>{entry} 背后的链式法则</translation>
    </message>
    <message>
        <source>Sample {s} of the batch of {m}: every path from {x} through the z and a of later layers to its loss {L}. Each edge carries its local derivative; the product along a path is what that path contributes, and where paths meet their contributions add up (the chain rule's sum).</source>
        <translation>批次（共 {m} 个样本）中的第 {s} 个样本：从 {x} 出发、经过后面各层的 z 和 a、到达其损失 {L} 的每一条路径。每条边带有它的局部导数；沿一条路径的乘积就是这条路径的贡献，路径汇合处各贡献相加（链式法则中的求和）。</translation>
    </message>
    <message>
        <source>node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>边</translation>
    </message>
    <message>
        <source>local derivative</source>
        <translation>局部导数</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>product of its edges</source>
        <translation>各边之积</translation>
    </message>
    <message>
        <source>Sum over the {count} path(s): ∂{L}/∂{x} = {value}.</source>
        <translation>对 {count} 条路径求和：∂{L}/∂{x} = {value}。</translation>
    </message>
    <message>
        <source>{count:,} paths lead to the loss: too many to list. Each crosses every later layer at one unit, so each layer's contributions add up to the same total; the largest are shown.</source>
        <translation>通往损失的路径共 {count:,} 条，太多无法逐条列出。每条路径在后面每一层恰好经过一个单元，所以每一层的贡献之和都等于同一个总值；这里列出最大的几项。</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>contributions</source>
        <translation>贡献</translation>
    </message>
    <message>
        <source>Per sample: {values}. The batch loss is the mean of the per-sample losses, so the panel's entry is their mean: {entry} = (1/m) Σₛ ∂Lₛ/∂{x} = {value}.</source>
        <translation>各样本：{values}。批次损失是各样本损失的平均，所以面板中的该项是它们的平均：{entry} = (1/m) Σₛ ∂Lₛ/∂{x} = {value}。</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Could not open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>{error}

The built-in example is open instead.</source>
        <translation>{error}

已改为打开内置示例。</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>BP Studio did not close properly last time. Restore the work it saved automatically at {when}? (No: it is discarded.)</source>
        <translation>BP Studio 上次未能正常关闭。要恢复它在 {when} 自动保存的工作吗？（选“否”则将其丢弃。）</translation>
    </message>
</context>
</TS>
